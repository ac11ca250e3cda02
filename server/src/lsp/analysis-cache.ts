/**
 * Parse and analyse once per document version: diagnostics, code actions and (later) completion and
 * hover all read the same result.
 */
import * as posixPath from 'node:path/posix';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze } from '../core/analyze';
import { WorkspaceConfig } from '../core/config';
import { languageOf, pathOfUri } from '../core/parse';
import { TerraformParseState, isTerraformFile } from '../core/parse/terraform';
import { TerraformModuleIndex } from '../core/parse/terraform-module';
import { Rule } from '../core/rules/types';
import { Settings } from './settings';

interface Entry {
  readonly version: number;
  readonly settings: Settings;
  readonly config: WorkspaceConfig;
  /** `terraformRevision` when analysed: .tf files elsewhere in the module can change a document's analysis. */
  readonly revision: number;
  readonly analysis: Analysis;
  /** For .tf files: what the file tells its module folder, to notice when that changes. */
  readonly moduleFacts?: string;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Per open .tf document: the parser's memory between versions (incremental re-parse, last readable blocks). */
  private readonly terraformStates = new Map<string, TerraformParseState>();
  /** What the .tf files of each module folder tell each other; open documents' text wins over the disk. */
  readonly terraformModule = new TerraformModuleIndex();
  private terraformRevision = 0;

  constructor(
    private readonly onRuleError: (rule: Rule, error: unknown) => void,
    /** Called when an open .tf file changed what it tells the other files of its folder. */
    private readonly onModuleChanged: (uri: string) => void = () => undefined,
  ) {}

  analyze(document: TextDocument, settings: Settings, config: WorkspaceConfig): Analysis {
    const cached = this.entries.get(document.uri);
    if (
      cached &&
      cached.version === document.version &&
      cached.settings === settings &&
      cached.config === config &&
      cached.revision === this.terraformRevision
    ) {
      return cached.analysis;
    }
    const path = pathOfUri(document.uri);
    const isTerraform = languageOf(document.uri, document.languageId) === 'terraform';
    // Only a file on disk has a module folder: an untitled document must not read the server's working folder.
    const onDisk = document.uri.startsWith('file:');
    let terraformState: TerraformParseState | undefined;
    if (isTerraform) {
      terraformState = this.terraformStates.get(document.uri) ?? new TerraformParseState();
      this.terraformStates.set(document.uri, terraformState);
    }
    const analysis = analyze(document.uri, document.getText(), {
      languageId: document.languageId,
      path,
      policyKinds: settings.policyKinds,
      severities: settings.rules,
      config,
      onRuleError: this.onRuleError,
      terraformState,
      terraformModule: onDisk ? this.terraformModule : undefined,
    });
    let moduleFacts: string | undefined;
    if (onDisk && isTerraformFile(analysis.file)) {
      const { uses, fileLinks } = analysis.file;
      this.terraformModule.setText(path, document.getText(), { uses, links: fileLinks });
      moduleFacts = JSON.stringify([uses, fileLinks.map((link) => [link.path, link.kind])]);
      if (cached?.moduleFacts !== undefined && cached.moduleFacts !== moduleFacts) {
        this.terraformRevision++;
        this.onModuleChanged(document.uri);
      }
    }
    this.entries.set(document.uri, { version: document.version, settings, config, revision: this.terraformRevision, analysis, moduleFacts });
    return analysis;
  }

  /** A .tf file changed on disk: analyses that read it are stale. */
  terraformFilesChanged(): void {
    this.terraformRevision++;
  }

  /** The last analysis of exactly this version, if there is one. */
  peek(uri: string, version: number): Analysis | undefined {
    const entry = this.entries.get(uri);
    return entry && entry.version === version ? entry.analysis : undefined;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.terraformStates.delete(uri);
    this.terraformModule.closeText(pathOfUri(uri));
  }
}

/** Whether `uri` is in the folder of `changed`, or below it (JSON files a .tf file reads with file()). */
export function inModuleOf(changed: string, uri: string): boolean {
  const folder = posixPath.dirname(pathOfUri(changed));
  const path = pathOfUri(uri);
  return path.startsWith(`${folder}/`);
}
