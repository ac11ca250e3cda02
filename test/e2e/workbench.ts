/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The scenario API over a real VS Code workbench in Chromium: every step is a key press or a click a
 * user could make, and every read is what the screen shows (Problems panel, editor lines, hovers,
 * the status bar). Waits re-read the page on each change until the expected state shows.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { Capability, Finding, Ide, byPosition, ruleIds } from './ide';
import { slug } from './workspace';

/** How long one wait may take before the scenario fails; generous, the machine may be shared. */
const WAIT_MS = Number(process.env.IAM_ATLAS_E2E_WAIT_MS ?? 90_000);
const STATUS_ITEM = '[id="iam-atlas.iam-atlas.iamAtlas.findings"]';
const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

interface ProblemsRead {
  readonly findings: Finding[];
  /** The file's row is rendered and all its problems with it (the list is virtual). */
  readonly complete: boolean;
}

export class Workbench implements Ide {
  readonly capabilities: ReadonlySet<Capability> = new Set(['screen']);
  private shots = 0;
  private active: { readonly name: string; readonly dir: string } | undefined;

  private constructor(
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  /** Opens the workbench at `url` in a new tab and waits for it and the Problems panel. */
  static async open(context: BrowserContext, url: string, shotsDir: string): Promise<Workbench> {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
    await page.locator('.part.statusbar').waitFor({ timeout: WAIT_MS });
    const workbench = new Workbench(page, shotsDir);
    await workbench.showProblems();
    return workbench;
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  async open(filePath: string): Promise<void> {
    const name = path.posix.basename(filePath);
    const dir = path.posix.dirname(filePath);
    await this.page.keyboard.press('Control+P');
    await this.quickInput().waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.type(filePath);
    await this.pickQuickInputRow((label) => label.startsWith(name));
    await this.page.locator('.part.editor .tab.active .label-name', { hasText: name }).waitFor({ timeout: WAIT_MS });
    await this.page.locator(`${ACTIVE_EDITOR}.focused`).waitFor({ timeout: WAIT_MS });
    this.active = { name, dir: dir === '.' ? '' : dir };
  }

  async findings(until: (findings: readonly Finding[]) => boolean): Promise<Finding[]> {
    await this.showProblems();
    await this.filterProblems();
    const read = await this.until(
      () => this.readProblems(),
      (seen) => seen.complete && until(seen.findings),
      `the Problems panel for ${this.active?.name}`,
    );
    return read.findings;
  }

  async expectFindings(expected: readonly string[]): Promise<Finding[]> {
    return this.findings((findings) => ruleIds(findings).join() === expected.join());
  }

  async moveTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.quickInput().waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: WAIT_MS });
    await this.until(
      () => this.page.locator('[id="status.editor.selection"]').innerText(),
      (text) => text.trim() === `Ln ${line}, Col ${column}`,
      `the cursor at line ${line}, column ${column}`,
    );
  }

  async quickFix(title: string): Promise<void> {
    const actions = this.page.locator('.action-widget .monaco-list-row.action');
    // Under load the editor may not have its code actions (or the focus) when the keys arrive, and
    // then no menu opens: ask again, each time waiting for the menu itself, until the overall limit.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await this.page.keyboard.press('Control+.');
      try {
        await actions.first().waitFor({ timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    const titles = await actions.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    if (!titles.includes(title)) {
      await this.page.keyboard.press('Escape');
      throw new Error(`no quick-fix "${title}" here; offered: ${titles.map((t) => `"${t}"`).join(', ') || 'none'}`);
    }
    // A pointer overlay covers the menu until the mouse moves: choose with the keyboard, as users do.
    await this.focusRow('.action-widget .monaco-list-row.action.focused', title, titles.length);
    await this.screenshot(`quick-fix menu`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  async lineText(line: number, until: (text: string) => boolean = () => true): Promise<string> {
    return this.until(
      () => this.readLine(line),
      (text) => text !== undefined && until(text),
      `line ${line} of ${this.active?.name}`,
    ) as Promise<string>;
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async hover(): Promise<string> {
    const contents = this.page.locator('.monaco-hover:not(.hidden) .hover-contents');
    const text = await this.until(
      async () => {
        // A language server still starting answers nothing and no hover shows: ask again, as a user would.
        if ((await contents.count()) === 0) await this.page.keyboard.press('Control+K').then(() => this.page.keyboard.press('Control+I'));
        return contents.allInnerTexts();
      },
      (texts) => texts.join('').trim() !== '' && !texts.join('').includes('Loading...'),
      'a hover',
    );
    await this.page.keyboard.press('Escape');
    return text.join('\n');
  }

  async completions(until: (labels: readonly string[]) => boolean = (labels) => labels.length > 0): Promise<string[]> {
    const widget = this.page.locator('.suggest-widget.visible');
    const labels = await this.until(
      async () => {
        // Open the list, or open it again when it came up empty ("No suggestions.") while servers start.
        const rows = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
        const shown = (await widget.count()) > 0;
        const loading = shown && ((await widget.first().textContent()) ?? '').includes('Loading');
        if (rows.length === 0 && !loading) {
          if (shown) await this.page.keyboard.press('Escape');
          await this.page.keyboard.press('Control+Space');
        }
        return rows.map((l) => l.trim());
      },
      (seen) => seen.length > 0 && until(seen),
      'the completion list',
    );
    await this.page.keyboard.press('Escape');
    return labels;
  }

  async insertSnippet(prefix: string): Promise<void> {
    await this.palette('Snippets: Insert Snippet');
    // The snippet picker opens after the palette closes: type only once it is there.
    await this.page.locator('.quick-input-widget input[placeholder*="snippet" i]').waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.type(prefix);
    await this.pickQuickInputRow((label, description) => label === prefix || description === prefix || label.startsWith(`${prefix},`));
  }

  async runCommand(_id: string, title: string): Promise<void> {
    await this.palette(title);
  }

  async statusBar(until: (text: string) => boolean = () => true): Promise<string> {
    return this.until(
      async () => (await this.page.locator(STATUS_ITEM).getAttribute('aria-label', { timeout: WAIT_MS })) ?? '',
      until,
      'the IAM Atlas status bar item',
    );
  }

  async expectVisible(needle: string): Promise<void> {
    await this.page.getByText(needle).first().waitFor({ state: 'visible', timeout: WAIT_MS });
  }

  async webviewText(selector: string, until: (text: string) => boolean = () => true): Promise<string> {
    // A webview is an iframe inside an iframe: look in every frame of the page for the selector.
    return this.until(
      async () => {
        for (const frame of this.page.frames()) {
          const text = await frame.locator(selector).first().textContent({ timeout: 200 }).catch(() => null);
          if (text !== null) return text;
        }
        return '';
      },
      until,
      `"${selector}" in a webview`,
    );
  }

  async click(text: string): Promise<void> {
    await this.page.getByText(text, { exact: true }).first().click({ timeout: WAIT_MS });
  }

  async choose(label: string): Promise<void> {
    await this.pickQuickInputRow((shown) => shown === label);
  }

  async screenshot(step: string): Promise<void> {
    mkdirSync(this.shotsDir, { recursive: true });
    this.shots += 1;
    await this.page.screenshot({ path: path.join(this.shotsDir, `${String(this.shots).padStart(2, '0')}-${slug(step)}.png`) });
  }

  /** Runs a command from the palette by its title, as F1, the title, Enter would. */
  private async palette(title: string): Promise<void> {
    const labels = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name');
    // Commands of an extension host still starting are not listed yet: close the palette and open it
    // again until the command shows, as a user would.
    await this.until(
      async () => {
        if (!(await this.quickInput().isVisible())) {
          await this.page.keyboard.press('F1');
          await this.quickInput().waitFor({ timeout: WAIT_MS });
          await this.page.keyboard.type(title);
        }
        const listed = (await labels.allInnerTexts()).map((label) => label.trim());
        if (listed.length > 0 && !listed.includes(title)) await this.page.keyboard.press('Escape');
        return listed;
      },
      (listed) => listed.includes(title),
      `"${title}" in the command palette`,
    );
    await this.pickQuickInputRow((label) => label === title);
  }

  /** Focuses the quick input row that `matches` (by its label and description) and presses Enter. */
  private async pickQuickInputRow(matches: (label: string, description: string) => boolean): Promise<void> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    const read = () =>
      rows.evaluateAll((elements) =>
        elements.map((row) => ({
          label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
          focused: row.classList.contains('focused'),
        })),
      );
    const listed = await this.until(read, (seen) => seen.some((row) => matches(row.label, row.description)), 'a matching entry in the quick input list');
    for (let step = 0; step <= listed.length; step++) {
      const focused = (await read()).find((row) => row.focused);
      if (focused && matches(focused.label, focused.description)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    const typed = await this.quickInputValue();
    await this.page.keyboard.press('Enter');
    // Done when the list closes, or gives way to the next picker (a command may open one).
    await this.until(
      async () => ((await this.quickInput().isVisible()) ? await this.quickInputValue() : undefined),
      (value) => value === undefined || value !== typed,
      'the quick input to close or change',
    );
  }

  private async quickInputValue(): Promise<string> {
    return this.page.locator('.quick-input-widget .quick-input-box input').inputValue();
  }

  /** Presses ArrowDown until the focused row's aria-label is `label`. */
  private async focusRow(focusedSelector: string, label: string, rows: number): Promise<void> {
    for (let step = 0; step <= rows; step++) {
      if ((await this.page.locator(focusedSelector).getAttribute('aria-label')) === label) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus "${label}"`);
  }

  private quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** Shows the Problems panel if another panel (Output) covers it, then gives the editor its focus back. */
  private async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ timeout: WAIT_MS });
    if (this.active) await this.page.keyboard.press('Control+1');
  }

  /**
   * Filters the Problems panel to the active file, as a user would in a large workspace: its rows
   * are a virtualised list, and with findings in many files (workspace rules report on closed files
   * too) the active file's rows may be scrolled out of the DOM.
   */
  private async filterProblems(): Promise<void> {
    const target = this.active;
    if (!target) return;
    const glob = `**/${target.dir ? `${target.dir}/` : ''}${target.name}`;
    const filter = this.page.locator('.part.panel .viewpane-filter input').first();
    await filter.waitFor({ timeout: WAIT_MS });
    if ((await filter.inputValue()) === glob) return;
    await filter.fill(glob);
    await this.page.keyboard.press('Control+1');
    await this.page.locator(`${ACTIVE_EDITOR}.focused`).waitFor({ timeout: WAIT_MS });
  }

  private async readProblems(): Promise<ProblemsRead> {
    const target = this.active;
    if (!target) throw new Error('open a file before reading its findings');
    const read = await this.page.evaluate(({ name, dir }) => {
      const rows = [...document.querySelectorAll<HTMLElement>('.markers-panel .monaco-list-row')].sort(
        (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
      );
      const found: { ruleId: string; line: number; column: number; severity: string; message: string; source: string }[] = [];
      let inTarget = false;
      let expected = 0;
      let rendered = 0;
      for (const row of rows) {
        const level = row.getAttribute('aria-level');
        const label = row.getAttribute('aria-label') ?? '';
        if (level === '1') {
          inTarget = label.includes(` in file ${name}`) && (dir ? label.endsWith(` of folder ${dir}`) : !label.includes(' of folder '));
          if (inTarget) expected = Number(/^(\d+) problems?/.exec(label)?.[1] ?? 0);
          continue;
        }
        if (!inTarget || level !== '2') continue;
        rendered += 1;
        const position = /Ln (\d+), Col (\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        const icon = row.querySelector('.marker-icon');
        found.push({
          ruleId: row.querySelector('.marker-code')?.textContent?.trim() ?? '',
          line: Number(position?.[1] ?? 0),
          column: Number(position?.[2] ?? 0),
          severity: icon?.classList.contains('error') ? 'error' : icon?.classList.contains('warning') ? 'warning' : 'info',
          message: row.querySelector('.marker-message')?.textContent?.trim() ?? '',
          source: row.querySelector('.marker-source')?.textContent?.trim() ?? '',
        });
      }
      return { found, complete: rendered === expected };
    }, target);
    const findings = read.found
      .filter((f) => f.source === 'iam-atlas')
      .map(({ source: _source, ...finding }) => finding as Finding)
      .sort(byPosition);
    return { findings, complete: read.complete };
  }

  /** One line of the active editor as rendered (the line must be on screen). */
  private async readLine(line: number): Promise<string | undefined> {
    return this.page.evaluate(
      ({ selector, line }) => {
        const editor = document.querySelector(selector);
        if (!editor) return undefined;
        const number = [...editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')].find((n) => n.textContent?.trim() === String(line));
        const top = number?.parentElement?.style.top;
        if (top === undefined) return undefined;
        const text = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].find((l) => l.style.top === top)?.textContent;
        return text?.replace(/\u00a0/g, ' ');
      },
      { selector: ACTIVE_EDITOR, line },
    );
  }

  /**
   * Reads until `done` holds, re-reading after each change of the page; fails after WAIT_MS with
   * what was last seen. The changes are counted from before each read, so one that lands while the
   * read runs still wakes the next wait.
   */
  private async until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const seen = await this.changesSoFar();
      const last = await read();
      if (done(last)) return last;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
      await this.changeAfter(seen, left);
    }
  }

  /** How many times the page's DOM has changed, counted by an observer installed once per page. */
  private changesSoFar(): Promise<number> {
    // Runs in the page: everything it uses is inside it.
    return this.page.evaluate(() => {
      const holder = window as unknown as { iamAtlasChanges?: PageChanges };
      if (!holder.iamAtlasChanges) {
        const changes: PageChanges = { count: 0, waiters: new Set() };
        new MutationObserver(() => {
          changes.count++;
          for (const wake of [...changes.waiters]) wake();
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        holder.iamAtlasChanges = changes;
      }
      return holder.iamAtlasChanges.count;
    });
  }

  /**
   * Resolves once the page has changed more than `seen` times, or when `withinMs` (what is left of
   * the wait) runs out: then `until` reads once more and fails. A page loaded anew counts as changed.
   */
  private async changeAfter(seen: number, withinMs: number): Promise<void> {
    await this.page.evaluate(
      ({ seen, withinMs }) =>
        new Promise<void>((resolve) => {
          const changes = (window as unknown as { iamAtlasChanges?: PageChanges }).iamAtlasChanges;
          if (!changes || changes.count > seen) return resolve();
          const timer = setTimeout(() => wake(), withinMs);
          function wake(): void {
            clearTimeout(timer);
            changes!.waiters.delete(wake);
            resolve();
          }
          changes.waiters.add(wake);
        }),
      { seen, withinMs },
    );
  }
}

/** What the page keeps of its own changes (on `window`, for the waits above). */
interface PageChanges {
  count: number;
  readonly waiters: Set<() => void>;
}
