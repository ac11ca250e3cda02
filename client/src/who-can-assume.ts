/** "IAM Atlas: Who Can Assume Role…": the principals that can reach a role, riskiest first; picking one opens the trust statement. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { WhoCanAssumeRequest } from '../../server/src/protocol';

const RISK_ICON: Record<string, string> = { high: '$(error)', medium: '$(warning)', low: '$(info)', none: '$(pass)' };
const RISK_ORDER = ['high', 'medium', 'low', 'none'];

export async function showWhoCanAssume(client: LanguageClient, role?: string, uri?: string): Promise<void> {
  const target =
    role ??
    (await vscode.window.showInputBox({
      title: 'Who can assume a role',
      prompt: 'Role name or ARN',
      placeHolder: 'deploy or arn:aws:iam::111122223333:role/deploy',
    }));
  if (!target) return;
  const context = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  const result = await client.sendRequest<WhoCanAssumeRequest.Result>(WhoCanAssumeRequest.method, {
    role: target,
    ...(context ? { uri: context } : {}),
  } satisfies WhoCanAssumeRequest.Params);
  if (!result.role) {
    void vscode.window.showWarningMessage(`IAM Atlas: no role "${target}" in the workspace's trust graph.`);
    return;
  }
  if (result.paths.length === 0) {
    void vscode.window.showInformationMessage(`IAM Atlas: no principal in the workspace can assume ${result.role.label}.`);
    return;
  }
  const items = [...result.paths]
    .sort((a, b) => RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk))
    .map((path) => {
      const last = path.edges[path.edges.length - 1]!;
      return {
        label: `${RISK_ICON[path.risk]} ${path.nodes[0]!.label}`,
        description: path.nodes.map((node) => node.label).join(' → '),
        detail: path.edges.flatMap((edge) => edge.reasons.map((reason) => reason.message)).join(' ') || 'No risk found on this path.',
        source: last.source,
      };
    });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Who can assume ${result.role.label} (${result.paths.length})`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.source) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.source.uri));
    const start = document.positionAt(picked.source.start);
    const end = document.positionAt(picked.source.end);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end) });
  }
}
