/**
 * The `iamAtlas.*` settings, read per resource each time they are needed (never kept as globals),
 * with defaults for clients that do not answer `workspace/configuration`.
 */
import { Connection } from 'vscode-languageserver';
import { SeveritySetting } from '../core/config';
import { DEFAULT_MAX_FILE_SIZE } from '../core/limits';
import { DEFAULT_POLICY_KIND_GLOBS, PolicyKindGlobs } from '../core/parse/kind';

export interface Settings {
  /** Glob → policy kind, for JSON files whose kind the content cannot tell. */
  readonly policyKinds: PolicyKindGlobs;
  /** Rule name or id → severity or `off`. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Milliseconds to wait after a keystroke before analysing. */
  readonly diagnosticsDelay: number;
  /** Documents and workspace files larger than this many bytes are not analysed. */
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  policyKinds: DEFAULT_POLICY_KIND_GLOBS,
  rules: {},
  diagnosticsDelay: 150,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

export class SettingsReader {
  constructor(
    private readonly connection: Connection,
    private readonly clientAnswers: () => boolean,
  ) {}

  async read(uri: string): Promise<Settings> {
    if (!this.clientAnswers()) return DEFAULT_SETTINGS;
    const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'iamAtlas' });
    return normalize(raw);
  }
}

function normalize(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const value = raw as Partial<Record<keyof Settings, unknown>>;
  return {
    policyKinds: isStringRecord(value.policyKinds) ? value.policyKinds : DEFAULT_SETTINGS.policyKinds,
    rules: isStringRecord(value.rules) ? (value.rules as Record<string, SeveritySetting>) : DEFAULT_SETTINGS.rules,
    diagnosticsDelay:
      typeof value.diagnosticsDelay === 'number' && value.diagnosticsDelay >= 0 ? value.diagnosticsDelay : DEFAULT_SETTINGS.diagnosticsDelay,
    maxFileSize:
      typeof value.maxFileSize === 'number' && Number.isInteger(value.maxFileSize) && value.maxFileSize > 0 ? value.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}
