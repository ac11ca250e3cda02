/**
 * Shrinks a failing case to a small input that still fails the same way (delta debugging on
 * versions, offsets, files, lines and characters), so a fixture says what broke at a glance.
 */
import { DocumentCase, Failure, WorkspaceCase, runDocumentCase, runWorkspaceCase } from './oracle';

/** What makes two failures the same: kind, stage, and the message with its numbers taken out. */
export function signature(failure: Failure): string {
  return `${failure.kind} | ${failure.stage} | ${failure.message.replace(/\d+/g, 'N').replace(/"[^"]{40,}"/g, '"…"').slice(0, 200)}`;
}

interface Budget {
  runs: number;
  readonly deadline: number;
}

function budget(maxRuns: number, maxMs: number): Budget {
  return { runs: maxRuns, deadline: Date.now() + maxMs };
}

function spent(b: Budget): boolean {
  return b.runs <= 0 || Date.now() > b.deadline;
}

/** Removes chunks of `text` (halves, then quarters, … then single characters) while `fails` holds. */
export function shrinkText(text: string, fails: (candidate: string) => boolean, b: Budget): string {
  let current = text;
  // Lines first: most damage is about structure, and lines keep what is left readable.
  current = shrinkUnits(current.split(/(?<=\n)/), (units) => fails(units.join('')), b).join('');
  current = shrinkUnits([...current], (units) => fails(units.join('')), b).join('');
  return current;
}

function shrinkUnits(units: string[], fails: (units: string[]) => boolean, b: Budget): string[] {
  let current = units;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && !spent(b)) {
    let removed = false;
    for (let start = 0; start < current.length && !spent(b); ) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      b.runs--;
      if (candidate.length < current.length && fails(candidate)) {
        current = candidate;
        removed = true;
      } else {
        start += chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
    else chunk = Math.min(chunk, Math.max(1, Math.floor(current.length / 2)));
  }
  return current;
}

export function minimizeDocument(testCase: DocumentCase, target: string, maxRuns = 3000, maxMs = 120_000): DocumentCase {
  const b = budget(maxRuns, maxMs);
  const fails = (candidate: DocumentCase): boolean => runDocumentCase(candidate).some((failure) => signature(failure) === target);
  let current = testCase;
  // One version, if one alone fails: the last one first.
  for (let i = current.versions.length - 1; i >= 0 && current.versions.length > 1; i--) {
    const single = { ...current, versions: [current.versions[i]!], offsets: [current.offsets[i] ?? []] };
    if (fails(single)) {
      current = single;
      break;
    }
  }
  if (current.config !== undefined) {
    const withoutConfig = withoutKey(current, 'config');
    if (fails(withoutConfig)) current = withoutConfig;
  }
  // The fewest offsets.
  const noOffsets = { ...current, offsets: current.versions.map(() => []) };
  if (fails(noOffsets)) current = noOffsets;
  else {
    for (let v = 0; v < current.versions.length; v++) {
      for (const offset of current.offsets[v] ?? []) {
        const offsets = current.offsets.map((list, i) => (i === v ? [offset] : list));
        if (fails({ ...current, offsets })) {
          current = { ...current, offsets };
          break;
        }
      }
    }
  }
  // Then each version's text, with the cursor kept at the same distance from the end when the text shrinks past it.
  for (let v = 0; v < current.versions.length; v++) {
    const original = current.versions[v]!;
    const offsets = current.offsets[v] ?? [];
    const fromEnd = offsets.map((offset) => original.length - offset);
    const withText = (text: string): DocumentCase => ({
      ...current,
      versions: current.versions.map((t, i) => (i === v ? text : t)),
      offsets: current.offsets.map((list, i) => (i === v ? list.map((offset, k) => Math.max(0, Math.min(offset, text.length - fromEnd[k]!))) : list)),
    });
    const shrunk = shrinkText(original, (text) => fails(withText(text)), b);
    current = withText(shrunk);
  }
  return current;
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

export function minimizeWorkspace(testCase: WorkspaceCase, target: string, maxRuns = 3000, maxMs = 120_000): WorkspaceCase {
  const b = budget(maxRuns, maxMs);
  const fails = (candidate: WorkspaceCase): boolean => runWorkspaceCase(candidate).some((failure) => signature(failure) === target);
  let current = testCase;
  if (current.config !== undefined) {
    const withoutConfig = withoutKey(current, 'config');
    if (fails(withoutConfig)) current = withoutConfig;
  }
  for (const relativePath of Object.keys(current.files)) {
    if (spent(b)) break;
    const files = { ...current.files };
    delete files[relativePath];
    b.runs--;
    if (fails({ ...current, files })) current = { ...current, files };
  }
  if (current.config !== undefined) {
    const config = shrinkText(current.config, (text) => fails({ ...current, config: text }), b);
    current = { ...current, config };
  }
  for (const relativePath of Object.keys(current.files)) {
    const text = shrinkText(current.files[relativePath]!, (candidate) => fails({ ...current, files: { ...current.files, [relativePath]: candidate } }), b);
    current = { ...current, files: { ...current.files, [relativePath]: text } };
  }
  return current;
}
