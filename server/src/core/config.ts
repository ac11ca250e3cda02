/**
 * The workspace configuration file, `iam-atlas.json` at the workspace root. Everything in it is
 * optional: without it, rules report what can be known from the policies alone.
 */
import { Severity } from './findings';
import { GovernanceConfig, readGovernance } from './governance/config';
import { PolicyKindGlobs } from './parse/kind';
import { globProblem } from './text/glob';

export type Environment = 'prod' | 'staging' | 'dev' | 'test' | 'sandbox' | 'security' | 'shared' | string;

export interface AccountConfig {
  readonly id: string;
  readonly name?: string;
  readonly environment?: Environment;
  readonly ou?: string;
  /** Globs of the files that belong to this account (relative to the workspace root). */
  readonly paths?: readonly string[];
}

export interface ExternalAccountConfig {
  readonly id: string;
  readonly name?: string;
}

export type SeveritySetting = Severity | 'off';

export interface WorkspaceConfig {
  readonly organizationId?: string;
  /** The organisation's management account: SCPs and RCPs do not apply to it. */
  readonly managementAccountId?: string;
  readonly accounts?: readonly AccountConfig[];
  readonly trustedExternalAccounts?: readonly ExternalAccountConfig[];
  /** Rule name (or id) → severity, `off` to silence it. The editor's `iamAtlas.rules` setting wins. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Glob → policy kind, added before the `iamAtlas.policyKinds` setting's globs. */
  readonly policyKinds?: PolicyKindGlobs;
  /** What the governance rules (IAM5xx) expect: naming, owners, boundaries, Identity Center, guardrails. */
  readonly governance?: GovernanceConfig;
}

export const EMPTY_CONFIG: WorkspaceConfig = {};

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

const SEVERITY_SETTINGS = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads the text of `iam-atlas.json`. Parts that are malformed are dropped, each with a problem
 * saying why, so one typo does not switch off the whole configuration.
 */
export function readWorkspaceConfig(text: string): { config: WorkspaceConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { config: EMPTY_CONFIG, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (!isRecord(raw)) {
    return { config: EMPTY_CONFIG, problems: [{ path: '', message: 'must be a JSON object' }] };
  }
  const config: { -readonly [K in keyof WorkspaceConfig]: WorkspaceConfig[K] } = {};
  if (raw.organizationId !== undefined) {
    if (typeof raw.organizationId === 'string' && /^o-[a-z0-9]{10,32}$/.test(raw.organizationId)) {
      config.organizationId = raw.organizationId;
    } else {
      problems.push({ path: 'organizationId', message: 'must look like "o-" followed by 10 to 32 lowercase letters or digits' });
    }
  }
  if (raw.managementAccountId !== undefined) {
    if (typeof raw.managementAccountId === 'string' && /^\d{12}$/.test(raw.managementAccountId)) {
      config.managementAccountId = raw.managementAccountId;
    } else {
      problems.push({ path: 'managementAccountId', message: 'must be a 12-digit account id' });
    }
  }
  config.accounts = readAccounts(raw.accounts, 'accounts', problems, true);
  config.trustedExternalAccounts = readAccounts(raw.trustedExternalAccounts, 'trustedExternalAccounts', problems, false);
  if (raw.rules !== undefined) {
    const rules: Record<string, SeveritySetting> = {};
    if (isRecord(raw.rules)) {
      for (const [name, value] of Object.entries(raw.rules)) {
        if (typeof value === 'string' && SEVERITY_SETTINGS.has(value)) rules[name] = value as SeveritySetting;
        else problems.push({ path: `rules.${name}`, message: 'must be one of "error", "warning", "info", "hint", "off"' });
      }
    } else {
      problems.push({ path: 'rules', message: 'must be an object of rule name to severity' });
    }
    config.rules = rules;
  }
  if (raw.policyKinds !== undefined) {
    if (isRecord(raw.policyKinds) && Object.values(raw.policyKinds).every((v) => typeof v === 'string')) {
      const globs = new Set(usableGlobs(Object.keys(raw.policyKinds), 'policyKinds', problems));
      config.policyKinds = Object.fromEntries(Object.entries(raw.policyKinds as Record<string, string>).filter(([glob]) => globs.has(glob)));
    } else {
      problems.push({ path: 'policyKinds', message: 'must be an object of glob to policy kind' });
    }
  }
  if (raw.governance !== undefined) {
    const governance = readGovernance(raw.governance, problems);
    if (governance) config.governance = governance;
  }
  return { config, problems };
}

function readAccounts(
  value: unknown,
  path: string,
  problems: ConfigProblem[],
  withPlacement: boolean,
): AccountConfig[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be an array of accounts' });
    return undefined;
  }
  const accounts: AccountConfig[] = [];
  value.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(entry) || typeof entry.id !== 'string' || !/^\d{12}$/.test(entry.id)) {
      problems.push({ path: at, message: 'needs an "id" of 12 digits' });
      return;
    }
    const account: { -readonly [K in keyof AccountConfig]: AccountConfig[K] } = { id: entry.id };
    if (typeof entry.name === 'string') account.name = entry.name;
    if (withPlacement) {
      if (typeof entry.environment === 'string') account.environment = entry.environment;
      if (typeof entry.ou === 'string') account.ou = entry.ou;
      if (Array.isArray(entry.paths) && entry.paths.every((p) => typeof p === 'string')) account.paths = usableGlobs(entry.paths, `${at}.paths`, problems);
      else if (entry.paths !== undefined) problems.push({ path: `${at}.paths`, message: 'must be an array of globs' });
    }
    accounts.push(account);
  });
  return accounts;
}

/** The globs IAM Atlas will match; each one it refuses is a problem (see text/glob.ts for why). */
function usableGlobs(globs: readonly string[], path: string, problems: ConfigProblem[]): string[] {
  return globs.filter((glob, index) => {
    const problem = globProblem(glob);
    if (problem) problems.push({ path: `${path}[${index}]`, message: `${JSON.stringify(glob.length > 60 ? `${glob.slice(0, 60)}…` : glob)} ${problem}` });
    return problem === undefined;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
