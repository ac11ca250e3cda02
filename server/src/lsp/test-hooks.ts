/**
 * Behaviour only the protocol tests switch on, through the IAM_ATLAS_TEST_HOOKS environment
 * variable (JSON), to show what the server does when a rule fails or runs long. Without the
 * variable nothing here is used; no setting or request reaches it.
 *
 *   IAM_ATLAS_TEST_HOOKS='{"rules":["throws","spins"],"spinMs":300,"timeBudgetMs":100}'
 */
import { ALL_KINDS, DocumentRule, Rule } from '../core/rules/types';

export const TEST_HOOKS_VARIABLE = 'IAM_ATLAS_TEST_HOOKS';

export interface TestHooks {
  /** Rules run before the registry's. */
  readonly rules: readonly Rule[];
  /** Replaces the server's time budget for the rules of one analysis. */
  readonly timeBudgetMs?: number;
}

interface RawHooks {
  readonly rules?: unknown;
  readonly spinMs?: unknown;
  readonly timeBudgetMs?: unknown;
}

export function readTestHooks(env: NodeJS.ProcessEnv = process.env): TestHooks {
  const raw = env[TEST_HOOKS_VARIABLE];
  if (!raw) return { rules: [] };
  const hooks = JSON.parse(raw) as RawHooks;
  const names = Array.isArray(hooks.rules) ? hooks.rules : [];
  const spinMs = typeof hooks.spinMs === 'number' ? hooks.spinMs : 0;
  const rules = names.flatMap((name): Rule[] => (name === 'throws' ? [throwingRule] : name === 'spins' ? [spinningRule(spinMs)] : []));
  return { rules, ...(typeof hooks.timeBudgetMs === 'number' ? { timeBudgetMs: hooks.timeBudgetMs } : {}) };
}

const TEST_RULE = { severity: 'error', kinds: ALL_KINDS, category: 'grammar', fixable: false, scope: 'document' } as const;

/** Fails on every document, as a rule with a bug would. */
const throwingRule: DocumentRule = {
  ...TEST_RULE,
  id: 'TEST901',
  name: 'test-throws',
  summary: 'Throws on every document (test hook).',
  check() {
    throw new Error('thrown on purpose by the test hook');
  },
};

/** Keeps the thread busy for `spinMs` on every document, as a rule with a slow path would. */
function spinningRule(spinMs: number): DocumentRule {
  return {
    ...TEST_RULE,
    id: 'TEST902',
    name: 'test-spins',
    summary: 'Runs for a fixed time on every document (test hook).',
    check() {
      const until = performance.now() + spinMs;
      while (performance.now() < until) {
        // busy on purpose: a synchronous rule cannot be interrupted, only followed by a budget check
      }
      return [];
    },
  };
}
