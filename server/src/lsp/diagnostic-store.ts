/**
 * What is published for each file: the document's own diagnostics (while it is open) and the
 * workspace rules' diagnostics (open or not), sent together, since each publish replaces the last.
 */
import { Connection, Diagnostic } from 'vscode-languageserver';

export class DiagnosticStore {
  private readonly documents = new Map<string, { readonly version: number; readonly diagnostics: Diagnostic[] }>();
  /** Per workspace folder: uri → the workspace rules' diagnostics. */
  private readonly workspaces = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly connection: Connection) {}

  /** An open document's own diagnostics, for its version. */
  setDocument(uri: string, version: number, diagnostics: Diagnostic[]): Promise<void> {
    this.documents.set(uri, { version, diagnostics });
    return this.publish(uri);
  }

  /** The document closed: only its workspace diagnostics stay. */
  clearDocument(uri: string): Promise<void> {
    this.documents.delete(uri);
    return this.publish(uri);
  }

  /** The workspace diagnostics of one folder, replacing its last ones; files that had some and have none now are cleared. */
  async setWorkspace(folder: string, byUri: ReadonlyMap<string, Diagnostic[]>): Promise<void> {
    const previous = this.workspaces.get(folder) ?? new Map<string, Diagnostic[]>();
    this.workspaces.set(folder, new Map(byUri));
    const touched = new Set([...previous.keys(), ...byUri.keys()]);
    for (const uri of touched) {
      if (sameDiagnostics(previous.get(uri), byUri.get(uri))) continue;
      await this.publish(uri);
    }
  }

  private publish(uri: string): Promise<void> {
    const own = this.documents.get(uri);
    const workspace = [...this.workspaces.values()].flatMap((byUri) => byUri.get(uri) ?? []);
    return this.connection.sendDiagnostics({ uri, ...(own ? { version: own.version } : {}), diagnostics: [...(own?.diagnostics ?? []), ...workspace] });
  }
}

function sameDiagnostics(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
