/** How a policy's kind is told when nothing outside the policy says it. */
import { POLICY_KINDS, PolicyKind, Statement, stringItems } from '../model';
import { globMatcher } from '../text/glob';

const ASSUME_ACTION = /^sts:(assumerole|assumerolewithwebidentity|assumerolewithsaml|tagsession|setsourceidentity|setcontext|\*)$/i;

/**
 * From the content: a `Principal` together with an `sts:AssumeRole*` action is a role trust policy,
 * a `Principal` otherwise a resource policy, and no `Principal` at all an identity policy.
 */
export function kindFromStatements(statements: readonly Statement[]): PolicyKind {
  const withPrincipal = statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return 'identity';
  const assumes = withPrincipal.some((s) => stringItems(s.action?.value).some((a) => ASSUME_ACTION.test(a.text)));
  return assumes ? 'trust' : 'resource';
}

/** Glob → kind, as in the `iamAtlas.policyKinds` setting. */
export type PolicyKindGlobs = Readonly<Record<string, string>>;

export const DEFAULT_POLICY_KIND_GLOBS: PolicyKindGlobs = {
  '**/scp*/**/*.json': 'scp',
  '**/*.scp.json': 'scp',
  '**/rcp*/**/*.json': 'rcp',
  '**/*.rcp.json': 'rcp',
  '**/*boundar*/**/*.json': 'boundary',
  '**/*.boundary.json': 'boundary',
  '**/*.session.json': 'session',
};

function isPolicyKind(value: string): value is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(value);
}

/**
 * The kind the first matching glob gives a file path (forward slashes), or undefined. Globs are
 * tried in the order written; entries whose kind is not a policy kind are ignored.
 */
export function kindFromPath(path: string, globs: PolicyKindGlobs): PolicyKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  for (const [glob, kind] of Object.entries(globs)) {
    if (isPolicyKind(kind) && globMatcher(glob, true)(normalized)) return kind;
  }
  return undefined;
}
