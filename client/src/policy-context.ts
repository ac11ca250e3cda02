/**
 * The `iamAtlas.policyDocument` context key: the active editor holds an IAM policy (a Terraform
 * file, or JSON with a Statement). The editor title shows "Show Trust Graph" there.
 */
import * as vscode from 'vscode';

const KEY = 'iamAtlas.policyDocument';
/** Enough of a file to find its Statement key without reading a huge file on every switch. */
const LOOK_AT = 256 * 1024;

export class PolicyContextKey implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private current: boolean | undefined;

  constructor() {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && isPolicyDocument(document.languageId, document.getText().slice(0, LOOK_AT));
    if (value === this.current) return;
    this.current = value;
    void vscode.commands.executeCommand('setContext', KEY, value);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function isPolicyDocument(languageId: string, text: string): boolean {
  if (languageId === 'terraform') return true;
  return (languageId === 'json' || languageId === 'jsonc') && /"Statement"\s*:/.test(text);
}
