/** Builds the trust graph from the facts of every file of a workspace. */
import { WorkspaceConfig } from '../config';
import { effectOf } from '../policy/principals';
import { Finding } from '../findings';
import { Span } from '../model';
import { FileFacts } from './facts';
import { GraphBuilder } from './graph-builder';
import { accountAliases, attachedOrgPolicies, resolveAccountTokens } from './organization';
import { Principal, PrincipalIndex, isAdminPolicyArn } from './principals';
import { scoreEdges } from './risk';
import { addSsoEdges } from './sso-edges';
import { addTrustEdges, nodeFor } from './trust-edges';
import { SourceRef, TrustGraph } from './types';

export interface GraphInput {
  readonly facts: readonly FileFacts[];
  readonly config: WorkspaceConfig;
  /** A file's findings (for the rule reasons of each trust statement). */
  readonly findings: (uri: string) => readonly Finding[];
  /** Turns a span of a file into a reference with its line. */
  readonly ref: (uri: string, span: Span) => SourceRef;
  /** The module folder of a file (relative to the workspace root), for Terraform references. */
  readonly folderOf?: (uri: string) => string;
}

export function buildGraph(input: GraphInput): TrustGraph {
  const builder = new GraphBuilder(input.config);
  const aliases = accountAliases(input.facts, input.config);
  const facts = resolveAccountTokens(input.facts, aliases);
  for (const account of input.config.accounts ?? []) builder.account(account.id);
  for (const file of facts) {
    for (const account of file.accounts) {
      const token = account.id ?? (account.address ? aliases.get(`tf:${account.address}`) ?? `tf:${account.address}` : undefined);
      if (!token) continue;
      builder.addKnownAccount(token, account.name, account.environment);
      const id = builder.account(token);
      builder.nodes.set(id, { ...builder.nodes.get(id)!, source: input.ref(account.uri, account.span) });
    }
  }

  const principals = new PrincipalIndex(facts);
  for (const principal of principals.principals()) {
    const id = nodeFor(principal, builder);
    const definedAt = principal.definedAt;
    builder.nodes.set(id, {
      ...builder.nodes.get(id)!,
      adminEquivalent: isAdminEquivalent(principal, principals),
      ...(definedAt ? { source: input.ref(definedAt.uri, definedAt.span) } : {}),
    });
  }

  const orgPolicies = attachedOrgPolicies(facts, aliases);
  const providers = new Map(facts.flatMap((file) => file.providers).flatMap((p) => (p.address ? [[p.address, p] as const] : [])));
  const context = {
    builder,
    principals,
    orgPolicies,
    ref: input.ref,
    findings: input.findings,
    folderOf: input.folderOf ?? (() => ''),
    providerByAddress: (address: string) => providers.get(address),
  };
  for (const principal of principals.principals()) {
    const trust = principal.role?.trust;
    if (principal.kind === 'role' && trust) addTrustEdges(principal, trust, context);
  }
  addSsoEdges(builder, { ...input, facts });

  const edges = scoreEdges(builder, [...builder.edges.values()]);
  return {
    nodes: [...builder.nodes.values()].sort(byId),
    edges: edges.sort(byId),
    ...(input.config.organizationId ? { organizationId: input.config.organizationId } : {}),
    notes: builder.notes,
  };
}

/** Ids in code-unit order: stable and cheap (a locale-aware compare costs much more on large graphs). */
function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Admin-equivalent: AdministratorAccess attached, or an Allow of every action on every resource without conditions. */
function isAdminEquivalent(principal: Principal, principals: PrincipalIndex): boolean {
  if (principals.managedArnsOf(principal).some(isAdminPolicyArn)) return true;
  return principals.documentsOf(principal).some((document) =>
    document.statements.some(
      (statement) =>
        effectOf(statement) === 'Allow' &&
        !statement.condition &&
        (statement.action?.value.items ?? []).some((item) => item.type === 'string' && (item.text === '*' || item.text === '*:*')) &&
        (statement.resource?.value.items ?? []).some((item) => item.type === 'string' && item.text === '*'),
    ),
  );
}
