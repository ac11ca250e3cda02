/**
 * Shared by the governance tests: a small workspace from inline files, and every finding of one rule
 * in it (file and workspace rules alike) as (id, file, covered text, message).
 */
import { WorkspaceAnalysisOptions, WorkspaceFinding, analyzeWorkspace } from '../../server/src/core/analyze-workspace';
import { WorkspaceConfig } from '../../server/src/core/config';
import { WorkspaceIndex } from '../../server/src/core/graph';
import { spanText } from '../../server/src/core/model';

export interface GovernanceSeen {
  readonly id: string;
  /** The file, relative to the workspace root; `(workspace)` for a finding with no file. */
  readonly file: string;
  readonly text: string;
  readonly message: string;
  readonly severity: string;
}

export const ROOT = '/ws';
export const DEV = '111111111111';
export const PROD = '222222222222';
export const SECURITY = '333333333333';

/** Three accounts, each with a folder. */
export const ORG: WorkspaceConfig = {
  organizationId: 'o-aaaaaaaaaa',
  accounts: [
    { id: DEV, name: 'dev', environment: 'dev', paths: ['dev/**'] },
    { id: PROD, name: 'prod', environment: 'prod', paths: ['prod/**'] },
    { id: SECURITY, name: 'security', environment: 'security', paths: ['security/**'] },
  ],
};

export function indexOf(files: Record<string, string>, config: WorkspaceConfig): WorkspaceIndex {
  const index = new WorkspaceIndex({ config, root: ROOT });
  for (const [path, text] of Object.entries(files)) index.update(`file://${ROOT}/${path}`, text, path);
  return index;
}

/** The findings of one rule, per-file and workspace ones, in file order. */
export function governanceSeen(
  files: Record<string, string>,
  ruleId: string,
  config: WorkspaceConfig = ORG,
  options: WorkspaceAnalysisOptions = {},
): GovernanceSeen[] {
  const index = indexOf(files, config);
  const seen: GovernanceSeen[] = [];
  for (const path of Object.keys(files).sort()) {
    const uri = `file://${ROOT}/${path}`;
    for (const finding of index.findings(uri)) {
      if (finding.ruleId === ruleId) seen.push({ id: finding.ruleId, file: path, text: spanText(files[path]!, finding.span), message: finding.message, severity: finding.severity });
    }
  }
  for (const finding of analyzeWorkspace(index.context(), options)) {
    if (finding.ruleId === ruleId) seen.push(describe(finding, files));
  }
  return seen;
}

function describe(finding: WorkspaceFinding, files: Record<string, string>): GovernanceSeen {
  const path = finding.uri?.slice(`file://${ROOT}/`.length);
  return {
    id: finding.ruleId,
    file: path ?? '(workspace)',
    text: path && finding.span ? spanText(files[path]!, finding.span) : '',
    message: finding.message,
    severity: finding.severity,
  };
}
