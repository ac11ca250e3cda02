/** The status bar item: IAM Atlas findings in the active file, a click away from the Problems panel. */
import * as vscode from 'vscode';

const SOURCE = 'iam-atlas';

export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iamAtlas.findings', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'IAM Atlas findings';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPolicyLanguage(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE);
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const other = ours.length - errors - warnings;
    this.item.text = ours.length === 0 ? '$(shield) IAM Atlas' : `$(shield) $(error) ${errors} $(warning) ${warnings}${other ? ` $(info) ${other}` : ''}`;
    this.item.tooltip = ours.length === 0 ? 'IAM Atlas: no findings in this file' : `IAM Atlas: ${ours.length} finding${ours.length === 1 ? '' : 's'} in this file`;
    // Read aloud (and by the end-to-end tests) instead of the icon names.
    this.item.accessibilityInformation = { label: ours.length === 0 ? 'IAM Atlas: no findings in this file' : `IAM Atlas: ${counted(errors, 'error')}, ${counted(warnings, 'warning')}${other ? `, ${other} other` : ''} in this file` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function isPolicyLanguage(languageId: string): boolean {
  return languageId === 'json' || languageId === 'jsonc' || languageId === 'terraform';
}
