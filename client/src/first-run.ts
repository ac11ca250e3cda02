/** The commands behind the "Get started with IAM Atlas" walkthrough: open the example, start iam-atlas.json. */
import * as vscode from 'vscode';

export const OPEN_EXAMPLE = 'iamAtlas.openExample';
export const CREATE_CONFIG = 'iamAtlas.createConfig';

/** What a new iam-atlas.json starts with; the placeholders are visited with Tab. */
const CONFIG_TEMPLATE = [
  '{',
  '  "organizationId": "${1:o-a1b2c3d4e5}",',
  '  "accounts": [',
  '    { "id": "${2:111122223333}", "name": "${3:management}", "environment": "${4:shared}", "ou": "${5:Root}", "paths": ["${6:accounts/management/**}"] }$7',
  '  ],',
  '  "trustedExternalAccounts": [$8],',
  '  "rules": {$9}',
  '}',
  '',
].join('\n');

export function registerFirstRunCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_EXAMPLE, () => openExample(context)),
    vscode.commands.registerCommand(CREATE_CONFIG, () => createConfig()),
  ];
}

/**
 * Copies the example organisation shipped with the extension to the extension's storage (once, so
 * edits made while trying it survive) and opens it, in a new window when a folder is already open.
 */
async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'example-organisation');
  if (!(await exists(target))) {
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'examples'), target, { overwrite: false });
  }
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
}

/** Opens the workspace's iam-atlas.json, or starts one from a template (unsaved: the user decides). */
async function createConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open the folder that holds your IAM files first: iam-atlas.json goes at its root.');
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, 'iam-atlas.json');
  if (await exists(uri)) {
    await vscode.window.showTextDocument(uri);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(CONFIG_TEMPLATE));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
