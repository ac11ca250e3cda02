import { wildcardMatcher } from '../catalog/catalog';
import { PolicyDocument, Scalar, Span, Statement } from '../model';
import { effectOf } from '../policy/principals';
import { ESCALATION_PATHS, EscalationPath } from './data/escalation-paths';
import { appliesToAnyResource, listUnknown } from './permissions-support';
import { DocumentRule, Report } from './types';

/** `*`, `arn:aws:iam::*:role/*`, `arn:aws:iam::123456789012:role/*`: every resource of a type. */
const WHOLE_TYPE_ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:(\*|[A-Za-z0-9-]+\/\*)$/;

/** Where an action is granted: the Action item that matches it, or the NotAction key that lets it through. */
interface Grant {
  readonly span: Span;
  readonly label: string;
}

function broadResources(statement: Statement): boolean {
  if (appliesToAnyResource(statement) === 'yes') return true;
  return (statement.resource?.value.items ?? []).some((item) => item.type === 'string' && WHOLE_TYPE_ARN.test(item.text));
}

function matches(items: readonly Scalar[], action: string): Scalar | undefined {
  return items.find((item) => item.type === 'string' && wildcardMatcher(item.text).test(action));
}

/** The first Allow statement that grants the action on every resource of its type, if no plain Deny takes it back. */
function grantOf(document: PolicyDocument, action: string): Grant | undefined {
  for (const statement of document.statements) {
    if (effectOf(statement) !== 'Deny' || statement.condition || appliesToAnyResource(statement) !== 'yes') continue;
    if (statement.action && matches(statement.action.value.items, action)) return undefined;
  }
  for (const statement of document.statements) {
    if (effectOf(statement) !== 'Allow' || !broadResources(statement)) continue;
    if (statement.action) {
      const item = matches(statement.action.value.items, action);
      if (item) return { span: item.span, label: `"${item.text}"` };
    } else if (statement.notAction && !listUnknown(statement.notAction.value) && !matches(statement.notAction.value.items, action)) {
      return { span: statement.notAction.key.span, label: statement.notAction.key.name };
    }
  }
  return undefined;
}

/** A Deny we cannot read might take a grant back: then nothing is reported. */
function hasUnreadableDeny(document: PolicyDocument): boolean {
  return document.statements.some(
    (s) => effectOf(s) === 'Deny' && !s.condition && ((s.action && listUnknown(s.action.value)) || (s.resource && listUnknown(s.resource.value))),
  );
}

function isAdministrator(document: PolicyDocument): boolean {
  return document.statements.some(
    (s) => effectOf(s) === 'Allow' && appliesToAnyResource(s) === 'yes' && (s.action?.value.items ?? []).some((i) => i.type === 'string' && i.text === '*'),
  );
}

/** Drops paths whose actions include all of another matched path's actions: the shorter one says it. */
function minimal(paths: readonly EscalationPath[]): EscalationPath[] {
  return paths.filter(
    (path) => !paths.some((other) => other !== path && other.actions.length < path.actions.length && other.actions.every((a) => path.actions.includes(a))),
  );
}

export const privilegeEscalation: DocumentRule = {
  id: 'IAM306',
  name: 'privilege-escalation',
  severity: 'warning',
  kinds: ['identity'],
  category: 'permissions',
  summary: 'The Allow statements of one policy together grant a published privilege-escalation path, such as iam:PassRole with ec2:RunInstances.',
  fixable: false,
  scope: 'document',
  check(document) {
    // Action "*" on Resource "*" is already administrator access (wildcard-action reports it).
    if (isAdministrator(document) || hasUnreadableDeny(document)) return [];
    const found: { path: EscalationPath; grants: Grant[] }[] = [];
    for (const path of ESCALATION_PATHS) {
      const grants = path.actions.map((action) => grantOf(document, action));
      if (grants.every((grant): grant is Grant => grant !== undefined)) found.push({ path, grants });
    }
    const kept = new Set(minimal(found.map((f) => f.path)));
    const byAnchor = new Map<number, { grant: Grant; entries: { path: EscalationPath; grants: Grant[] }[] }>();
    for (const entry of found.filter((f) => kept.has(f.path))) {
      const anchor = entry.grants[0]!;
      const group = byAnchor.get(anchor.span.start) ?? { grant: anchor, entries: [] };
      group.entries.push(entry);
      byAnchor.set(anchor.span.start, group);
    }
    const reports: Report[] = [];
    for (const { grant, entries } of byAnchor.values()) {
      const [first, ...others] = entries;
      const describe = (path: EscalationPath): string => `${path.actions.join(' + ')} (${path.id})`;
      const message =
        others.length === 0
          ? `${grant.label} allows privilege escalation: ${describe(first!.path)} lets this principal ${first!.path.how}. Limit these actions to specific resources, or remove the ones it does not need.`
          : `${grant.label} allows ${entries.length} privilege-escalation paths: ${describe(first!.path)} lets this principal ${first!.path.how}; also ${others
              .slice(0, 5)
              .map((e) => describe(e.path))
              .join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}. Limit these actions to specific resources, or remove the ones it does not need.`;
      const related = first!.grants
        .slice(1)
        .filter((g) => g.span.start !== grant.span.start)
        .map((g) => ({ span: g.span, message: `${g.label} completes ${first!.path.id}` }));
      reports.push({ span: grant.span, message, ...(related.length ? { related } : {}) });
    }
    return reports;
  },
};
