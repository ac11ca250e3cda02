/**
 * What a workspace rule sees: every file of the workspace with its parse, the facts the trust graph
 * is built from, and the graph itself. The workspace index provides it (graph/workspace-context.ts);
 * the parts are built on first use, so a rule that reads only files costs no graph build.
 */
import type { Catalog } from '../catalog/catalog';
import type { WorkspaceConfig } from '../config';
import type { FileFacts, OrgPolicyFact } from '../graph/facts';
import type { PrincipalIndex } from '../graph/principals';
import type { GraphQueries } from '../graph/query';
import type { TrustGraph } from '../graph/types';
import type { ParsedFile } from '../model';

export interface WorkspaceFile {
  readonly uri: string;
  /** The path relative to the workspace root, with forward slashes. */
  readonly relativePath: string;
  readonly file: ParsedFile;
}

export interface WorkspaceContext {
  readonly config: WorkspaceConfig;
  readonly catalog: Catalog;
  /** Every file of the workspace, by relative path. */
  readonly files: readonly WorkspaceFile[];
  file(uri: string): WorkspaceFile | undefined;
  /** The facts of every file, accounts Terraform creates replaced by the configured ids where names match. */
  readonly facts: readonly FileFacts[];
  /** Every SCP and RCP with the accounts it reaches. */
  readonly orgPolicies: readonly OrgPolicyFact[];
  /** Roles and users with the policies that apply to them; node ids are the graph's. */
  readonly principals: PrincipalIndex;
  readonly graph: TrustGraph;
  readonly queries: GraphQueries;
}
