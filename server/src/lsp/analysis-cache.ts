/**
 * Parse and analyse once per document version: diagnostics and code actions read the same result.
 * Completion and hover read the text of each new version themselves (a statement at a time), and
 * take from here only what an earlier parse knew about the file, such as its policy kind.
 */
import * as posixPath from 'node:path/posix';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisOptions, BudgetStop, analyzeParsed, parseForAnalysis } from '../core/analyze';
import { SkipReason } from '../core/limits';
import { WorkspaceConfig } from '../core/config';
import { ParsedFile } from '../core/model';
import { languageOf, pathOfUri } from '../core/parse';
import { TerraformParseState, isTerraformFile } from '../core/parse/terraform';
import { TerraformModuleIndex } from '../core/parse/terraform-module';
import { RULES } from '../core/rules';
import { Rule } from '../core/rules/types';
import { Settings } from './settings';

interface Entry {
  readonly version: number;
  readonly settings: Settings;
  readonly config: WorkspaceConfig;
  /** `terraformRevision` when parsed: .tf files elsewhere in the module can change a document's analysis. */
  readonly revision: number;
  readonly file: ParsedFile;
  analysis?: Analysis;
  /** For .tf files: what the file tells its module folder, to notice when that changes. */
  readonly moduleFacts?: string;
}

/** How far an analysis may go: the server's time budget, and rules the protocol tests add. */
export interface AnalysisLimits {
  /** Milliseconds the rules of one analysis may take (analyze.ts checks between rules and documents). */
  readonly timeBudgetMs?: number;
  readonly onBudgetExceeded?: (uri: string, stop: BudgetStop) => void;
  /** Run before the registry's rules (test hooks only). */
  readonly extraRules?: readonly Rule[];
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** Documents the last decision left unanalysed (too large, binary): completion and hover leave them alone too. */
  private readonly skipped = new Map<string, SkipReason>();
  /** Per open .tf document: the parser's memory between versions (incremental re-parse, last readable blocks). */
  private readonly terraformStates = new Map<string, TerraformParseState>();
  /** What the .tf files of each module folder tell each other; open documents' text wins over the disk. */
  readonly terraformModule = new TerraformModuleIndex();
  private terraformRevision = 0;

  constructor(
    private readonly onRuleError: (rule: Rule, error: unknown) => void,
    /** Called when an open .tf file changed what it tells the other files of its folder. */
    private readonly onModuleChanged: (uri: string) => void = () => undefined,
    private readonly limits: AnalysisLimits = {},
  ) {}

  /** The document is not analysed (it is too large or binary): what was known of it is dropped. */
  skip(uri: string, reason: SkipReason): void {
    this.forget(uri);
    this.skipped.set(uri, reason);
  }

  isSkipped(uri: string): boolean {
    return this.skipped.has(uri);
  }

  /** `root` is the workspace folder holding the document, for the configuration's account paths. */
  analyze(document: TextDocument, settings: Settings, config: WorkspaceConfig, root?: string): Analysis {
    this.skipped.delete(document.uri);
    const entry = this.entry(document, settings, config, root);
    entry.analysis ??= { file: entry.file, findings: analyzeParsed(entry.file, this.options(document, settings, config, root)) };
    return entry.analysis;
  }

  /** The last parse of the document, of whatever version: for what edits rarely change, like its kind. */
  lastParsed(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.file;
  }

  /** The Terraform parser's memory of an open .tf document, if it was parsed. */
  terraformState(uri: string): TerraformParseState | undefined {
    return this.terraformStates.get(uri);
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
    this.skipped.delete(uri);
    this.entries.delete(uri);
    this.terraformStates.delete(uri);
    this.terraformModule.closeText(pathOfUri(uri));
  }

  private entry(document: TextDocument, settings: Settings, config: WorkspaceConfig, root: string | undefined): Entry {
    const cached = this.entries.get(document.uri);
    if (
      cached &&
      cached.version === document.version &&
      cached.settings === settings &&
      cached.config === config &&
      cached.revision === this.terraformRevision
    ) {
      return cached;
    }
    const file = parseForAnalysis(document.uri, document.getText(), this.options(document, settings, config, root));
    let moduleFacts: string | undefined;
    if (document.uri.startsWith('file:') && isTerraformFile(file)) {
      const { uses, fileLinks } = file;
      this.terraformModule.setText(pathOfUri(document.uri), document.getText(), { uses, links: fileLinks });
      moduleFacts = JSON.stringify([uses, fileLinks.map((link) => [link.path, link.kind])]);
      if (cached?.moduleFacts !== undefined && cached.moduleFacts !== moduleFacts) {
        this.terraformRevision++;
        this.onModuleChanged(document.uri);
      }
    }
    const entry: Entry = { version: document.version, settings, config, revision: this.terraformRevision, file, moduleFacts };
    this.entries.set(document.uri, entry);
    return entry;
  }

  private options(document: TextDocument, settings: Settings, config: WorkspaceConfig, root: string | undefined): AnalysisOptions {
    const isTerraform = languageOf(document.uri, document.languageId) === 'terraform';
    let terraformState: TerraformParseState | undefined;
    if (isTerraform) {
      terraformState = this.terraformStates.get(document.uri) ?? new TerraformParseState();
      this.terraformStates.set(document.uri, terraformState);
    }
    return {
      languageId: document.languageId,
      path: pathOfUri(document.uri),
      policyKinds: settings.policyKinds,
      severities: settings.rules,
      config,
      ...(root ? { root } : {}),
      onRuleError: this.onRuleError,
      ...(this.limits.extraRules?.length ? { rules: [...this.limits.extraRules, ...RULES] } : {}),
      ...(this.limits.timeBudgetMs !== undefined ? { timeBudgetMs: this.limits.timeBudgetMs } : {}),
      onBudgetExceeded: (stop: BudgetStop) => this.limits.onBudgetExceeded?.(document.uri, stop),
      ...(terraformState ? { terraformState } : {}),
      // Only a file on disk has a module folder: an untitled document must not read the server's working folder.
      ...(document.uri.startsWith('file:') ? { terraformModule: this.terraformModule } : {}),
    };
  }
}

/** Whether `uri` is in the folder of `changed`, or below it (JSON files a .tf file reads with file()). */
export function inModuleOf(changed: string, uri: string): boolean {
  const folder = posixPath.dirname(pathOfUri(changed));
  const path = pathOfUri(uri);
  return path.startsWith(`${folder}/`);
}
