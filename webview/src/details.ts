/**
 * The side panel: what a clicked edge or node is, why it is risky, and the way to its source.
 * Everything is built as DOM nodes with text content; nothing from the graph becomes markup.
 */
import type { GraphEdge, GraphNode, SourceRef, TrustGraph } from '../../server/src/protocol';
import { nodeLabel } from './elements';
import { append, button, clear, h } from './dom';
import { HostInfo } from './transport';

export interface DetailsActions {
  openSource(source: SourceRef): void;
  openRuleDocs(ruleName: string): void;
  select(id: string): void;
  focus(nodeId: string): void;
  clearFocus(): void;
  collapse(accountId: string): void;
}

export interface DetailsContext {
  readonly graph: TrustGraph;
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly host: HostInfo;
  readonly focus: string | undefined;
  readonly actions: DetailsActions;
}

const KIND_NAMES: Readonly<Record<GraphNode['kind'], string>> = {
  account: 'Account',
  'external-account': 'Account outside the organisation',
  role: 'IAM role',
  user: 'IAM user',
  group: 'IAM group',
  service: 'AWS service',
  'oidc-provider': 'OIDC identity provider',
  'saml-provider': 'SAML identity provider',
  'sso-group': 'Identity Center group',
  'sso-user': 'Identity Center user',
  'permission-set': 'Identity Center permission set',
  anyone: 'Anyone',
};

const EDGE_KIND_NAMES: Readonly<Record<GraphEdge['kind'], string>> = {
  'assume-role': 'AssumeRole',
  'web-identity': 'AssumeRoleWithWebIdentity (OIDC)',
  saml: 'AssumeRoleWithSAML',
  'sso-assignment': 'Identity Center assignment',
};

export function showEdges(panel: HTMLElement, edges: readonly GraphEdge[], context: DetailsContext): void {
  clear(panel);
  if (edges.length === 0) return;
  if (edges.length > 1) {
    const first = edges[0]!;
    append(panel, 
      h('h2', {}, `${edges.length} edges`),
      h('p', { className: 'muted' }, `Between ${labelOf(first.from, context)} and ${labelOf(first.to, context)} (collapsed accounts). Expand an account to see each.`),
      h('ul', { className: 'edge-list' }, ...edges.map((edge) => edgeListItem(edge, context, 'both'))),
    );
    return;
  }
  const edge = edges[0]!;
  append(panel, 
    h('h2', {}, `${labelOf(edge.from, context)} \u2192 ${labelOf(edge.to, context)}`),
    h('p', {}, riskBadge(edge.risk), ' ', EDGE_KIND_NAMES[edge.kind], ' \u00b7 ', edge.actions.join(', ')),
    h(
      'p',
      { className: 'muted' },
      edge.basis === 'granted'
        ? 'Granted: the trust policy allows it, and where the caller needs its own permission, that was found.'
        : 'Trust only: the trust policy allows it; the caller\u2019s own policies are not in the workspace, so its permission is assumed.',
    ),
    h('h3', {}, 'Why this risk'),
    edge.reasons.length
      ? h(
          'ul',
          { className: 'reasons' },
          ...edge.reasons.map((reason) =>
            h(
              'li',
              {},
              riskBadge(reason.level),
              ' ',
              reason.message,
              reason.ruleName ? ' ' : '',
              reason.ruleName ? ruleLink(reason.ruleId, reason.ruleName, context) : '',
            ),
          ),
        )
      : h('p', { className: 'muted' }, 'No risk found on this edge.'),
    h('h3', {}, 'Conditions'),
    edge.conditions.length
      ? h(
          'table',
          { className: 'conditions' },
          h('thead', {}, h('tr', {}, h('th', {}, 'operator'), h('th', {}, 'key'), h('th', {}, 'values'))),
          h('tbody', {}, ...edge.conditions.map((c) => h('tr', {}, h('td', {}, c.operator), h('td', {}, h('code', {}, c.key)), h('td', {}, c.values.join(', '))))),
        )
      : h('p', { className: 'muted' }, 'None: any principal the trust names can assume the role.'),
    h('h3', {}, 'Sources'),
    h(
      'ul',
      { className: 'sources' },
      h('li', {}, 'Trust statement: ', edge.source ? sourceLink(edge.source, context, 'trust') : h('span', { className: 'muted' }, 'not known')),
      edge.grant ? h('li', {}, 'Grant in the caller\u2019s policy: ', sourceLink(edge.grant, context, 'grant')) : null,
    ),
    h(
      'p',
      { className: 'actions' },
      button(`Select ${labelOf(edge.from, context)}`, () => context.actions.select(edge.from)),
      button(`Select ${labelOf(edge.to, context)}`, () => context.actions.select(edge.to)),
    ),
  );
}

export function showNode(panel: HTMLElement, node: GraphNode, context: DetailsContext): void {
  clear(panel);
  const incoming = context.graph.edges.filter((edge) => edge.to === node.id);
  const outgoing = context.graph.edges.filter((edge) => edge.from === node.id);
  const account = node.parent ? context.nodes.get(node.parent) : undefined;
  const inside = context.graph.nodes.filter((other) => other.parent === node.id);
  const focused = context.focus === node.id;
  append(panel, 
    h('h2', {}, node.kind === 'account' || node.kind === 'external-account' ? nodeLabel(node).replace('\n', ' \u00b7 ') : node.label),
    h('p', { className: 'muted' }, KIND_NAMES[node.kind]),
    node.adminEquivalent ? h('p', {}, h('span', { className: 'badge risk-high' }, 'admin-equivalent'), ' an attached policy allows everything.') : null,
    h(
      'dl',
      {},
      ...(node.arn ? [h('dt', {}, 'ARN'), h('dd', {}, h('code', { className: 'selectable' }, node.arn))] : []),
      ...(account ? [h('dt', {}, 'Account'), h('dd', {}, nodeLabel(account).replace('\n', ' \u00b7 '))] : []),
      ...(node.environment ? [h('dt', {}, 'Environment'), h('dd', {}, node.environment)] : []),
      ...(inside.length ? [h('dt', {}, 'Holds'), h('dd', {}, `${inside.length} node${inside.length === 1 ? '' : 's'}`)] : []),
    ),
    node.unresolved?.length
      ? h('div', {}, h('h3', {}, 'Principals not resolved'), h('ul', {}, ...node.unresolved.map((text) => h('li', {}, h('code', {}, text)))))
      : null,
    h('h3', {}, `Can be assumed by (${incoming.length})`),
    incoming.length ? h('ul', { className: 'edge-list' }, ...incoming.map((edge) => edgeListItem(edge, context, 'from'))) : h('p', { className: 'muted' }, 'Nothing in the workspace.'),
    h('h3', {}, `Can assume (${outgoing.length})`),
    outgoing.length ? h('ul', { className: 'edge-list' }, ...outgoing.map((edge) => edgeListItem(edge, context, 'to'))) : h('p', { className: 'muted' }, 'Nothing in the workspace.'),
    h(
      'p',
      { className: 'actions' },
      node.source ? (context.host.opensFiles ? button('Open definition', () => context.actions.openSource(node.source!)) : h('span', {}, 'Defined at ', sourceText(node.source, context))) : null,
      focused
        ? button('Clear focus', () => context.actions.clearFocus())
        : incoming.length
          ? button('Focus on paths into this', () => context.actions.focus(node.id))
          : null,
      inside.length ? button('Collapse account', () => context.actions.collapse(node.id)) : null,
    ),
  );
}

export function showNotes(panel: HTMLElement, notes: readonly string[]): void {
  clear(panel);
  append(panel, h('h2', {}, 'Notes'), h('p', { className: 'muted' }, 'Facts the graph could not place:'), h('ul', {}, ...notes.map((note) => h('li', {}, note))));
}

function edgeListItem(edge: GraphEdge, context: DetailsContext, show: 'from' | 'to' | 'both'): HTMLLIElement {
  const text = show === 'from' ? labelOf(edge.from, context) : show === 'to' ? labelOf(edge.to, context) : `${labelOf(edge.from, context)} \u2192 ${labelOf(edge.to, context)}`;
  return h('li', {}, riskBadge(edge.risk), ' ', button(text, () => context.actions.select(edge.id), { className: 'link' }));
}

function labelOf(id: string, context: DetailsContext): string {
  return context.nodes.get(id)?.label ?? id;
}

export function riskBadge(level: GraphEdge['risk']): HTMLSpanElement {
  return h('span', { className: `badge risk-${level}` }, level === 'none' ? 'no risk' : `${level} risk`);
}

function ruleLink(ruleId: string | undefined, ruleName: string, context: DetailsContext): HTMLElement {
  const text = `${ruleId ? `${ruleId} ` : ''}${ruleName}`;
  if (context.host.opensFiles) return button(text, () => context.actions.openRuleDocs(ruleName), { className: 'link', title: `Open the documentation of ${ruleName}` });
  if (context.host.docsBaseUrl) return h('a', { attrs: { href: `${context.host.docsBaseUrl}${ruleName}.md`, target: '_blank', rel: 'noopener' } }, text);
  return h('code', {}, text);
}

function sourceLink(source: SourceRef, context: DetailsContext, what: string): HTMLElement {
  if (!context.host.opensFiles) return sourceText(source, context);
  return button(shortSource(source), () => context.actions.openSource(source), {
    className: 'link',
    title: `Open the ${what} statement: ${decodeURIComponent(source.uri)}`,
    attrs: { 'data-source': what },
  });
}

function sourceText(source: SourceRef, context: DetailsContext): HTMLElement {
  return h('code', { className: 'selectable source-text' }, `${relativePath(source.uri, context.host.root)}:${source.line}`);
}

/** The file's last two path segments and line: enough to recognise it in a narrow panel. */
function shortSource(source: SourceRef): string {
  const parts = decodeURIComponent(source.uri).split('/');
  return `${parts.slice(-2).join('/')}:${source.line}`;
}

export function relativePath(uri: string, root: string | undefined): string {
  const base = root ? (root.endsWith('/') ? root : `${root}/`) : undefined;
  const path = base && uri.startsWith(base) ? uri.slice(base.length) : uri.replace(/^file:\/\//, '');
  return decodeURIComponent(path);
}
