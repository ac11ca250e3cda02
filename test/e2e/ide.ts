/**
 * The scenario API: what a scenario may do in an editor, as a user would. Two drivers implement it,
 * one clicking and typing in a real VS Code workbench (code-server, driven by Playwright), one
 * calling the `vscode` API inside VS Code's extension host (@vscode/test-electron), so one scenario
 * runs in both.
 */

/** A finding as the Problems panel shows it; positions are 1-based, as on screen. */
export interface Finding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** What only a driver that sees the screen can check: the status bar, the panels, webviews, pages. */
export type Capability = 'screen';

export interface Ide {
  readonly capabilities: ReadonlySet<Capability>;

  /** Opens a file of the workspace by its path relative to the workspace root, and waits until it shows. */
  open(path: string): Promise<void>;
  /**
   * The IAM Atlas findings of the active file once they satisfy `until` (waiting for the next update
   * otherwise), sorted by position then rule id. Without `until`, once the first ones are published.
   */
  findings(until?: (findings: readonly Finding[]) => boolean): Promise<Finding[]>;
  /** Waits until the active file's findings are exactly these rule ids, in position order. */
  expectFindings(ruleIds: readonly string[]): Promise<Finding[]>;
  /** Puts the cursor at a 1-based line and column of the active editor. */
  moveTo(line: number, column: number): Promise<void>;
  /** Applies the quick-fix with this title at the cursor, as Ctrl+. then choosing it would. */
  quickFix(title: string): Promise<void>;
  /** The text of one 1-based line once `until` holds for it. */
  lineText(line: number, until?: (text: string) => boolean): Promise<string>;
  /** Types text at the cursor. */
  type(text: string): Promise<void>;
  /** The hover shown at the cursor, as plain text. */
  hover(): Promise<string>;
  /** The labels completion offers at the cursor once `until` holds for them. */
  completions(until?: (labels: readonly string[]) => boolean): Promise<string[]>;
  /** Types a snippet's prefix and accepts the snippet from the completion list. */
  insertSnippet(prefix: string): Promise<void>;
  /** Runs a command as the palette would; `title` is what the palette shows ("IAM Atlas: Show Output"). */
  runCommand(id: string, title: string): Promise<void>;

  /** The text of the IAM Atlas status bar item once `until` holds for it. Needs 'screen'. */
  statusBar(until?: (text: string) => boolean): Promise<string>;
  /** Waits until text containing `needle` is visible anywhere in the window. Needs 'screen'. */
  expectVisible(needle: string): Promise<void>;
  /**
   * The text of the first element matching `selector` inside a webview of the window (the trust
   * graph panel) once `until` holds for it. Needs 'screen'.
   */
  webviewText(selector: string, until?: (text: string) => boolean): Promise<string>;
  /** Clicks the visible element whose text is exactly `text` (a button, a link, a step). Needs 'screen'. */
  click(text: string): Promise<void>;
  /** Chooses the entry labelled `label` in the open quick pick. Needs 'screen'. */
  choose(label: string): Promise<void>;
  /** Saves a screenshot of the window as a step of the current scenario (no-op without a screen). */
  screenshot(step: string): Promise<void>;
}

/**
 * What a scenario starts with: a copy of examples/ with test/fixtures/e2e/ as scratch/, an empty
 * folder, or a window with no folder at all.
 */
export type StartFolder = 'examples' | 'empty' | 'none';

export interface ScenarioOptions {
  /** Capabilities the scenario needs; drivers without them skip it and say why. */
  readonly needs?: readonly Capability[];
  /** 'examples' unless said otherwise. */
  readonly folder?: StartFolder;
}

export interface Scenario extends ScenarioOptions {
  readonly title: string;
  run(ide: Ide): Promise<void>;
}

/** Defines a scenario; reads like a sentence in the suite files. */
export function scenario(title: string, run: (ide: Ide) => Promise<void>, options: ScenarioOptions = {}): Scenario {
  return { title, run, ...options };
}

/** Sorts findings as the scenarios compare them: by position, then rule id. */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** Rule ids in order, for assertion messages that read well. */
export function ruleIds(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}
