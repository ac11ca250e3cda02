import { Catalog, wildcardMatcher } from '../catalog/catalog';
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

/**
 * Whether the statement grants `action` on every resource of a type: on `"*"`, or through an ARN
 * pattern such as `arn:aws:iam::*:role/*` of a service the action's resources belong to (an S3 ARN
 * grants no Lambda action, whatever NotAction lets through).
 */
function broadResources(statement: Statement, services: ReadonlySet<string>): boolean {
  if (appliesToAnyResource(statement) === 'yes') return true;
  return (statement.resource?.value.items ?? []).some((item) => {
    if (item.type !== 'string' || !WHOLE_TYPE_ARN.test(item.text)) return false;
    const service = item.text.split(':')[2]!.toLowerCase();
    return service === '*' || services.has(service);
  });
}

/**
 * The services whose ARNs authorise an action: those of its required resource types when it has
 * some (ssm:SendCommand needs its document, so an S3 ARN alone does not let it run), else those of
 * all its resource types; its own prefix when the catalog does not know it.
 */
function resourceServices(action: string, catalog: Catalog): Set<string> {
  const info = catalog.action(action);
  if (!info) return new Set([action.slice(0, action.indexOf(':')).toLowerCase()]);
  const required = info.resourceTypes.filter((type) => type.required);
  const services = new Set<string>();
  for (const type of required.length ? required : info.resourceTypes) {
    const service = catalog.resourceType(info.service, type.name)?.arn.split(':')[2];
    if (service) services.add(service.toLowerCase());
  }
  if (services.size === 0) services.add(info.service);
  return services;
}

/** Every action some escalation path needs, by its lower-case name. */
const ESCALATION_ACTIONS: ReadonlyMap<string, string> = new Map(
  ESCALATION_PATHS.flatMap((path) => path.actions).map((action) => [action.toLowerCase(), action]),
);

/** The escalation actions an Action item names: by lookup when it is a plain name, by matching when it has a wildcard. */
function escalationActionsOf(item: Scalar): string[] {
  if (item.type !== 'string') return [];
  if (!/[*?]/.test(item.text)) {
    const action = ESCALATION_ACTIONS.get(item.text.toLowerCase());
    return action ? [action] : [];
  }
  const pattern = wildcardMatcher(item.text);
  return [...ESCALATION_ACTIONS.values()].filter((action) => pattern.test(action));
}

/**
 * For each escalation action, the first Allow statement (in source order) that grants it on every
 * resource of its type, unless a plain Deny takes it back. One pass over the statements: a policy of
 * hundreds of statements is read once, not once per action of every path.
 */
function grantsOf(document: PolicyDocument, catalog: Catalog): Map<string, Grant> {
  const denied = new Set<string>();
  for (const statement of document.statements) {
    if (effectOf(statement) !== 'Deny' || statement.condition || appliesToAnyResource(statement) !== 'yes') continue;
    for (const item of statement.action?.value.items ?? []) for (const action of escalationActionsOf(item)) denied.add(action);
  }
  const grants = new Map<string, Grant>();
  const services = new Map<string, Set<string>>();
  const grant = (statement: Statement, action: string, found: Grant): void => {
    if (denied.has(action) || grants.has(action)) return;
    let actionServices = services.get(action);
    if (!actionServices) services.set(action, (actionServices = resourceServices(action, catalog)));
    if (broadResources(statement, actionServices)) grants.set(action, found);
  };
  for (const statement of document.statements) {
    if (effectOf(statement) !== 'Allow') continue;
    if (statement.action) {
      for (const item of statement.action.value.items) {
        for (const action of escalationActionsOf(item)) grant(statement, action, { span: item.span, label: `"${item.text}"` });
      }
    } else if (statement.notAction && !listUnknown(statement.notAction.value)) {
      const excluded = new Set(statement.notAction.value.items.flatMap(escalationActionsOf));
      const found = { span: statement.notAction.key.span, label: statement.notAction.key.name };
      for (const action of ESCALATION_ACTIONS.values()) if (!excluded.has(action)) grant(statement, action, found);
    }
  }
  return grants;
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
  check(document, context) {
    // Action "*" on Resource "*" is already administrator access (wildcard-action reports it).
    if (isAdministrator(document) || hasUnreadableDeny(document)) return [];
    const granted = grantsOf(document, context.catalog);
    const found: { path: EscalationPath; grants: Grant[] }[] = [];
    for (const path of ESCALATION_PATHS) {
      const grants = path.actions.map((action) => granted.get(action));
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
