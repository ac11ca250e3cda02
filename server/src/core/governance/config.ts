/**
 * The `governance` section of iam-atlas.json: what the governance rules (IAM5xx) expect of the
 * organisation. Every key is optional; without one, the rule that reads it uses its default or
 * stays quiet.
 */
import type { ConfigProblem } from '../config';
import { compileNamingPattern } from './naming';

/** The SCP guardrails the guardrail rule looks for. */
export const GUARDRAIL_IDS = ['leave-organization', 'root-user', 'iam-users', 'cloudtrail'] as const;
export type GuardrailId = (typeof GUARDRAIL_IDS)[number];

export const NAMED_RESOURCES = ['role', 'policy', 'permissionSet'] as const;
export type NamedResource = (typeof NAMED_RESOURCES)[number];

export interface NamingConfig {
  readonly role?: string;
  readonly policy?: string;
  readonly permissionSet?: string;
  /** Placeholder → the values it may take. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
}

/** Where roles must be created with a permissions boundary. */
export interface BoundaryRequirement {
  /** Account ids or names (as in `accounts[].name`); `*` for every account. */
  readonly accounts?: readonly string[];
  /** Globs of files, relative to the workspace root, as `accounts[].paths`. */
  readonly paths?: readonly string[];
  /** IAM paths (`/teams/`): roles created under them. */
  readonly rolePaths?: readonly string[];
}

export interface GovernanceConfig {
  /** Accounts (ids or names, `*` for all) whose people sign in through IAM Identity Center, not as IAM users. */
  readonly identityCenterAccounts?: readonly string[];
  readonly naming?: NamingConfig;
  /** The tag key that names a role's owner; `owner` by default (matched ignoring case). */
  readonly ownerTag?: string;
  /** The tag key that names a principal's team, for the shared-admin rule; `team` by default. */
  readonly teamTag?: string;
  readonly permissionsBoundary?: BoundaryRequirement;
  /** The guardrails expected; all four by default. */
  readonly guardrails?: readonly GuardrailId[];
}

export const DEFAULT_OWNER_TAG = 'owner';
export const DEFAULT_TEAM_TAG = 'team';

/** Reads the section; malformed keys are dropped, each with a problem. */
export function readGovernance(raw: unknown, problems: ConfigProblem[]): GovernanceConfig | undefined {
  if (!isRecord(raw)) {
    problems.push({ path: 'governance', message: 'must be an object' });
    return undefined;
  }
  const governance: { -readonly [K in keyof GovernanceConfig]: GovernanceConfig[K] } = {};
  const strings = (key: string, value: unknown, at = `governance.${key}`): string[] | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0)) return value as string[];
    problems.push({ path: at, message: 'must be an array of non-empty strings' });
    return undefined;
  };
  const tagKey = (key: 'ownerTag' | 'teamTag'): void => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value === 'string' && value.trim().length > 0) governance[key] = value;
    else problems.push({ path: `governance.${key}`, message: 'must be a non-empty tag key' });
  };

  const identityCenter = strings('identityCenterAccounts', raw.identityCenterAccounts);
  if (identityCenter) governance.identityCenterAccounts = identityCenter;
  tagKey('ownerTag');
  tagKey('teamTag');
  if (raw.naming !== undefined) {
    const naming = readNaming(raw.naming, problems);
    if (naming) governance.naming = naming;
  }
  if (raw.permissionsBoundary !== undefined) {
    const value = raw.permissionsBoundary;
    if (isRecord(value)) {
      const requirement: { -readonly [K in keyof BoundaryRequirement]: BoundaryRequirement[K] } = {};
      const accounts = strings('accounts', value.accounts, 'governance.permissionsBoundary.accounts');
      const paths = strings('paths', value.paths, 'governance.permissionsBoundary.paths');
      let rolePaths = strings('rolePaths', value.rolePaths, 'governance.permissionsBoundary.rolePaths');
      if (rolePaths && !rolePaths.every((p) => p.startsWith('/') && p.endsWith('/'))) {
        problems.push({ path: 'governance.permissionsBoundary.rolePaths', message: 'each IAM path must start and end with "/", such as "/teams/"' });
        rolePaths = undefined;
      }
      if (accounts) requirement.accounts = accounts;
      if (paths) requirement.paths = paths;
      if (rolePaths) requirement.rolePaths = rolePaths;
      for (const key of Object.keys(value)) {
        if (!['accounts', 'paths', 'rolePaths'].includes(key)) problems.push({ path: `governance.permissionsBoundary.${key}`, message: 'is not a known key (accounts, paths, rolePaths)' });
      }
      governance.permissionsBoundary = requirement;
    } else {
      problems.push({ path: 'governance.permissionsBoundary', message: 'must be an object with accounts, paths or rolePaths' });
    }
  }
  if (raw.guardrails !== undefined) {
    const value = raw.guardrails;
    if (Array.isArray(value) && value.every((item) => (GUARDRAIL_IDS as readonly unknown[]).includes(item))) {
      governance.guardrails = value as GuardrailId[];
    } else {
      problems.push({ path: 'governance.guardrails', message: `must be an array of: ${GUARDRAIL_IDS.join(', ')}` });
    }
  }
  const known = ['identityCenterAccounts', 'naming', 'ownerTag', 'teamTag', 'permissionsBoundary', 'guardrails'];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push({ path: `governance.${key}`, message: `is not a known key (${known.join(', ')})` });
  }
  return governance;
}

function readNaming(raw: unknown, problems: ConfigProblem[]): NamingConfig | undefined {
  if (!isRecord(raw)) {
    problems.push({ path: 'governance.naming', message: 'must be an object of resource type (role, policy, permissionSet) to pattern, and values' });
    return undefined;
  }
  const naming: { -readonly [K in keyof NamingConfig]: NamingConfig[K] } = {};
  if (raw.values !== undefined) {
    if (isRecord(raw.values) && Object.values(raw.values).every((list) => Array.isArray(list) && list.length > 0 && list.every((v) => typeof v === 'string' && v.length > 0))) {
      naming.values = raw.values as Record<string, string[]>;
    } else {
      problems.push({ path: 'governance.naming.values', message: 'must be an object of placeholder to a non-empty array of allowed values' });
    }
  }
  for (const resource of NAMED_RESOURCES) {
    const pattern = raw[resource];
    if (pattern === undefined) continue;
    if (typeof pattern !== 'string' || pattern.length === 0) {
      problems.push({ path: `governance.naming.${resource}`, message: 'must be a pattern such as "{env}-{team}-{function}"' });
      continue;
    }
    try {
      compileNamingPattern(pattern, naming.values);
      naming[resource] = pattern;
    } catch (error) {
      problems.push({ path: `governance.naming.${resource}`, message: (error as Error).message });
    }
  }
  for (const key of Object.keys(raw)) {
    if (![...NAMED_RESOURCES, 'values'].includes(key)) problems.push({ path: `governance.naming.${key}`, message: 'is not a known key (role, policy, permissionSet, values)' });
  }
  return naming;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
