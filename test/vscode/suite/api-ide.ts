/**
 * The scenario API over the `vscode` API, inside VS Code's extension host: the same scenarios as the
 * code-server suite, read from VS Code's own state (diagnostics, documents, providers) instead of the
 * screen. Waits follow VS Code's change events.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Capability, Finding, Ide, byPosition, ruleIds } from '../../e2e/ide';

const WAIT_MS = Number(process.env.IAM_ATLAS_E2E_WAIT_MS ?? 60_000);
const EXTENSION_ID = 'iam-atlas.iam-atlas';

const SEVERITY: Record<vscode.DiagnosticSeverity, Finding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'info',
};

/** Resolves with `read()` once `done` holds, re-reading whenever `event` fires; rejects after WAIT_MS. */
function whenever<T>(event: vscode.Event<unknown>, read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
  const first = read();
  if (done(first)) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    let last = first;
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`));
    }, WAIT_MS);
    const subscription = event(() => {
      last = read();
      if (!done(last)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(last);
    });
  });
}

function needsScreen(what: string): never {
  throw new Error(`${what} needs a screen: this scenario runs in the code-server suite`);
}

export class ApiIde implements Ide {
  readonly capabilities: ReadonlySet<Capability> = new Set();

  constructor(private readonly root: vscode.Uri) {}

  private get editor(): vscode.TextEditor {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('no active editor: open a file first');
    return editor;
  }

  async open(filePath: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(this.root, filePath));
    await vscode.window.showTextDocument(document);
  }

  async findings(until: (findings: readonly Finding[]) => boolean): Promise<Finding[]> {
    const uri = this.editor.document.uri;
    const read = (): Finding[] =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'iam-atlas')
        .map((d) => ({
          ruleId: String(typeof d.code === 'object' ? d.code.value : d.code),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          severity: SEVERITY[d.severity],
          message: d.message,
        }))
        .sort(byPosition);
    return whenever(vscode.languages.onDidChangeDiagnostics, read, until, `the findings of ${uri.path}`);
  }

  async expectFindings(expected: readonly string[]): Promise<Finding[]> {
    return this.findings((findings) => ruleIds(findings).join() === expected.join());
  }

  async moveTo(line: number, column: number): Promise<void> {
    const position = new vscode.Position(line - 1, column - 1);
    this.editor.selection = new vscode.Selection(position, position);
  }

  async quickFix(title: string): Promise<void> {
    const { document, selection } = this.editor;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(selection.active, selection.active),
      vscode.CodeActionKind.QuickFix.value,
    );
    const action = actions.find((a) => a.title === title);
    if (!action) throw new Error(`no quick-fix "${title}" here; offered: ${actions.map((a) => `"${a.title}"`).join(', ') || 'none'}`);
    if ('edit' in action && action.edit) assertApplied(await vscode.workspace.applyEdit(action.edit));
    const command = 'edit' in action || 'kind' in action ? (action as vscode.CodeAction).command : (action as vscode.Command);
    if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  async lineText(line: number, until: (text: string) => boolean = () => true): Promise<string> {
    const document = this.editor.document;
    const read = (): string => (line - 1 < document.lineCount ? document.lineAt(line - 1).text : '');
    return whenever(vscode.workspace.onDidChangeTextDocument, read, until, `line ${line} of ${document.uri.path}`);
  }

  async type(text: string): Promise<void> {
    // The `type` command is what a key press runs: it replaces a selected placeholder like typing does.
    await vscode.commands.executeCommand('type', { text });
  }

  async hover(): Promise<string> {
    const { document, selection } = this.editor;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, selection.active);
    return hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
  }

  async completions(until: (labels: readonly string[]) => boolean = (labels) => labels.length > 0): Promise<string[]> {
    const { document, selection } = this.editor;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, selection.active);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    if (!until(labels)) throw new Error(`completion offered: ${labels.join(', ') || 'nothing'}`);
    return labels;
  }

  async insertSnippet(prefix: string): Promise<void> {
    const languageId = this.editor.document.languageId;
    const name = contributedSnippetName(languageId, prefix);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: languageId, name });
  }

  async runCommand(id: string): Promise<void> {
    await vscode.commands.executeCommand(id);
  }

  statusBar(): Promise<string> {
    return needsScreen('reading the status bar');
  }

  webviewText(): Promise<string> {
    return needsScreen('reading a webview');
  }

  expectVisible(): Promise<void> {
    return needsScreen('looking at the window');
  }

  click(): Promise<void> {
    return needsScreen('clicking');
  }

  choose(): Promise<void> {
    return needsScreen('choosing in a quick pick');
  }

  async screenshot(): Promise<void> {
    // No screen here: the code-server suite takes the screenshots.
  }
}

function assertApplied(applied: boolean): void {
  if (!applied) throw new Error('VS Code refused the quick-fix edit');
}

/** The name of the snippet with this prefix in the extension's contributed snippet file for the language. */
function contributedSnippetName(languageId: string, prefix: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const contributed = (extension.packageJSON as { contributes: { snippets: { language: string; path: string }[] } }).contributes.snippets;
  const file = contributed.find((s) => s.language === languageId);
  if (!file) throw new Error(`no snippets contributed for ${languageId}`);
  const snippets = JSON.parse(readFileSync(path.join(extension.extensionPath, file.path), 'utf8')) as Record<string, { prefix: string }>;
  const name = Object.keys(snippets).find((key) => snippets[key]!.prefix === prefix);
  if (!name) throw new Error(`no ${languageId} snippet with prefix ${prefix}`);
  return name;
}
