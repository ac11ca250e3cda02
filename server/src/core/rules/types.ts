/** The contract every rule follows: metadata, and a check over one document (or one file). */
import { Catalog } from '../catalog/catalog';
import { AccountConfig, WorkspaceConfig } from '../config';
import { Fix, Severity } from '../findings';
import { ParsedFile, PolicyDocument, PolicyKind, Span } from '../model';
import type { WorkspaceContext } from './workspace-context';

export type RuleCategory = 'grammar' | 'catalog' | 'trust' | 'permissions' | 'organization' | 'governance';

export interface RuleMeta {
  /** Stable id, `IAM` + three digits, banded by area: 0xx grammar, 1xx catalog, 2xx trust, 3xx permissions, 4xx SCP/RCP and quotas, 5xx governance. */
  readonly id: string;
  /** kebab-case; also the rule's file name and the slug of its docs page. */
  readonly name: string;
  readonly severity: Severity;
  /** The policy kinds the rule looks at. */
  readonly kinds: readonly PolicyKind[];
  readonly category: RuleCategory;
  /** One line: what the rule reports. */
  readonly summary: string;
  /** Whether its findings come with quick-fixes. */
  readonly fixable: boolean;
}

/** What a check returns; the runner adds the rule's id, name and (unless given) its severity. */
export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** For rules whose findings differ in weight, e.g. error without a condition, warning with a weak one. */
  readonly severity?: Severity;
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

export interface RuleContext {
  /** The whole text of the file (documents may be a part of it). */
  readonly text: string;
  readonly file: ParsedFile;
  /** `iam-atlas.json`, or an empty configuration. */
  readonly config: WorkspaceConfig;
  /** The IAM reference data: services, actions, resource types, condition keys. */
  readonly catalog: Catalog;
  /** The account the file belongs to, by the `paths` globs of the configuration; absent when unknown. */
  readonly account?: AccountConfig;
}

export interface DocumentRule extends RuleMeta {
  readonly scope: 'document';
  check(document: PolicyDocument, context: RuleContext): Report[];
}

/** A rule about the file as a whole, such as its syntax errors. */
export interface FileRule extends RuleMeta {
  readonly scope: 'file';
  checkFile(file: ParsedFile, context: RuleContext): Report[];
  /**
   * Also run on files that hold no policy (a .tf file with only users and access keys). Such a rule
   * must report only on what it recognises: it sees package.json too.
   */
  readonly readsEveryFile?: boolean;
}

/** What a workspace rule returns: a place in a file, or (no uri) the workspace as a whole. */
export interface WorkspaceReport {
  /** The file the finding is in; absent for a finding about the workspace as a whole, such as a missing guardrail. */
  readonly uri?: string;
  /** Offsets into that file's text; required with `uri`. */
  readonly span?: Span;
  readonly message: string;
  readonly severity?: Severity;
  /** Other places that explain the finding, in any file (the trust statements of each caller). */
  readonly related?: readonly { readonly uri: string; readonly span: Span; readonly message: string }[];
}

/**
 * A rule about the workspace as a whole: it reads every file's parse, the facts they give, and the
 * trust graph. It runs when the workspace index changes (the editor) or once per check (the CLI),
 * never per keystroke, and its findings carry no fixes.
 */
export interface WorkspaceRule extends RuleMeta {
  readonly scope: 'workspace';
  checkWorkspace(workspace: WorkspaceContext): WorkspaceReport[];
}

export type Rule = DocumentRule | FileRule | WorkspaceRule;

export const ALL_KINDS: readonly PolicyKind[] = ['identity', 'trust', 'resource', 'scp', 'rcp', 'boundary', 'session'];
