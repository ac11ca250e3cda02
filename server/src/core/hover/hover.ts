/**
 * Hover, syntax-neutral: like completion, it takes a `CursorContext` from a locator (the model
 * locator serves every syntax whose text parsed into the model) and returns Markdown for the name
 * at the cursor: an action, a wildcard, a service prefix, a condition key or operator, a service
 * principal.
 */
import { ActionInfo, Catalog, ConditionKeyInfo } from '../catalog/catalog';
import { lookupConditionKey } from '../catalog/condition-keys';
import { OPERATORS_PAGE, actionDocsUrl, globalKeyDocsUrl, serviceDocsUrl, serviceKeysDocsUrl } from '../catalog/docs-urls';
import { GlobalConditionKey, isMultiValued } from '../catalog/global-keys';
import { operatorMeaning, parseOperator } from '../catalog/operators';
import { servicePrincipal } from '../catalog/service-principals';
import { CursorContext } from '../locate/context';
import { Span } from '../model';

export interface HoverResult {
  readonly markdown: string;
  /** What the hover is about, for the editor to highlight. */
  readonly span: Span;
}

/** How many matches a wildcard hover lists. */
const WILDCARD_LIST = 10;

export function hover(context: CursorContext, catalog: Catalog): HoverResult | undefined {
  const markdown = content(context, catalog);
  return markdown ? { markdown, span: context.span } : undefined;
}

function content(context: CursorContext, catalog: Catalog): string | undefined {
  switch (context.element) {
    case 'action':
      return actionHover(context, catalog);
    case 'conditionKey':
      return conditionKeyHover(context.text, catalog);
    case 'conditionOperator': {
      const parsed = parseOperator(context.text);
      return parsed && [`**${parsed.written}** · condition operator`, operatorMeaning(parsed), `[Condition operators](${OPERATORS_PAGE})`].join('\n\n');
    }
    case 'principalValue': {
      const principal = context.principalType === 'Service' ? servicePrincipal(context.text) : undefined;
      return principal && `**${principal.name}** · service principal\n\n${principal.description}`;
    }
    default:
      return undefined;
  }
}

function actionHover(context: CursorContext, catalog: Catalog): string | undefined {
  const name = context.text;
  if (name === '*') return `**\\*** matches every action of every service (${catalog.services().length} services).`;
  const colon = name.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = name.slice(0, colon);
  // On the part before the colon, the hover is about the service.
  const onPrefix = context.offset - context.span.start < colon && !/[*?]/.test(prefix);
  if (onPrefix || /[*?]/.test(name)) {
    if (!/[*?]/.test(prefix) && !catalog.hasService(prefix)) return undefined;
    return onPrefix ? serviceHover(prefix, catalog) : wildcardHover(name, catalog);
  }
  const action = catalog.action(name);
  return action && describeAction(action, catalog);
}

function serviceHover(prefix: string, catalog: Catalog): string {
  const service = prefix.toLowerCase();
  const name = catalog.serviceName(service)!;
  return [
    `**${service}** · ${name}`,
    `${catalog.actions(service).length} actions, ${catalog.resourceTypes(service).length} resource types, ${catalog.conditionKeys(service).length} condition keys.`,
    `[Service Authorization Reference](${serviceDocsUrl(service, name)})`,
  ].join('\n\n');
}

function wildcardHover(pattern: string, catalog: Catalog): string {
  const matches = catalog.expand(pattern);
  if (matches.length === 0) return `**${escape(pattern)}** matches no action.`;
  const services = new Set(matches.map((action) => action.service));
  const where = services.size === 1 ? `of ${catalog.serviceName([...services][0]!)}` : `in ${services.size} services`;
  const lines = matches.slice(0, WILDCARD_LIST).map((action) => `- \`${action.fullName}\` · ${action.accessLevels.join(', ')}`);
  if (matches.length > WILDCARD_LIST) lines.push(`- … and ${matches.length - WILDCARD_LIST} more`);
  const levels = new Map<string, number>();
  for (const action of matches) for (const level of action.accessLevels) levels.set(level, (levels.get(level) ?? 0) + 1);
  const summary = [...levels].map(([level, count]) => `${level} ${count}`).join(', ');
  return [`**${escape(pattern)}** matches ${matches.length} action${matches.length === 1 ? '' : 's'} ${where} (${summary}).`, lines.join('\n')].join('\n\n');
}

function describeAction(action: ActionInfo, catalog: Catalog): string {
  const serviceName = catalog.serviceName(action.service);
  const parts = [`**${action.fullName}** · ${action.accessLevels.join(', ')}`, action.description];
  if (action.resourceTypes.length) {
    const rows = action.resourceTypes.map((type) => {
      const arn = catalog.resourceType(action.service, type.name)?.arn;
      return `- \`${type.name}\`${type.required ? ' (required)' : ''}${arn ? `: \`${arn}\`` : ''}`;
    });
    parts.push(`Resource types:\n${rows.join('\n')}`);
  } else {
    parts.push('Resource types: none — use `"Resource": "*"`.');
  }
  const keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((t) => t.conditionKeys)])];
  if (keys.length) parts.push(`Condition keys: ${keys.map((k) => `\`${k}\``).join(', ')}`);
  const dependent = [...new Set([...action.dependentActions, ...action.resourceTypes.flatMap((t) => t.dependentActions)])];
  if (dependent.length) parts.push(`Dependent actions: ${dependent.map((a) => `\`${a}\``).join(', ')}`);
  parts.push(`[Service Authorization Reference](${actionDocsUrl(action.service, action.name, serviceName)})`);
  return parts.join('\n\n');
}

function conditionKeyHover(name: string, catalog: Catalog): string | undefined {
  const found = lookupConditionKey(catalog, name);
  if (found.status === 'provider') {
    return `**${escape(name)}** · condition key of the identity provider \`${found.provider}\`\n\nIts value comes from the provider's token (for OIDC: \`aud\`, \`sub\` and the other claims AWS maps).`;
  }
  if (found.status !== 'known') return undefined;
  const info: ConditionKeyInfo = found.info;
  const types = found.global ? (info as GlobalConditionKey).types.join(' or ') : info.type;
  const scope = found.global ? 'global condition key' : `condition key of ${catalog.serviceName(info.service) ?? info.service}`;
  const values = isMultiValued(info.type) ? 'Multivalued: use it with `ForAllValues:` or `ForAnyValue:`.' : undefined;
  const link = found.global ? globalKeyDocsUrl(info.key) : serviceKeysDocsUrl(info.service, catalog.serviceName(info.service));
  const docsTitle = found.global ? 'AWS global condition context keys' : 'Service Authorization Reference';
  return [`**${escape(info.key)}** · ${types} · ${scope}`, info.description || undefined, values, `[${docsTitle}](${link})`].filter(Boolean).join('\n\n');
}

/** Markdown-escapes the characters a policy name can hold that Markdown reads. */
function escape(text: string): string {
  return text.replace(/[\\*_`[\]<>]/g, '\\$&');
}
