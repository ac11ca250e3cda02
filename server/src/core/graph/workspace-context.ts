/** The workspace as workspace rules see it, over a workspace index: each part built on first use. */
import { Catalog } from '../catalog/catalog';
import { defaultCatalog } from '../catalog/data-source';
import { WorkspaceConfig } from '../config';
import { WorkspaceContext, WorkspaceFile } from '../rules/workspace-context';
import { FileFacts, OrgPolicyFact } from './facts';
import { accountAliases, attachedOrgPolicies, resolveAccountTokens } from './organization';
import { PrincipalIndex } from './principals';
import { GraphQueries } from './query';
import { TrustGraph } from './types';

/** The part of the workspace index the context reads. */
export interface IndexedWorkspace {
  files(): WorkspaceFile[];
  facts(): readonly FileFacts[];
  graph(): TrustGraph;
  /** The principals the current graph was built with, if it is built: the same index the context would make. */
  graphPrincipals?(): PrincipalIndex | undefined;
}

export function createWorkspaceContext(index: IndexedWorkspace, config: WorkspaceConfig, catalog: Catalog | undefined): WorkspaceContext {
  let files: WorkspaceFile[] | undefined;
  let byUri: Map<string, WorkspaceFile> | undefined;
  let organisation: { facts: FileFacts[]; orgPolicies: OrgPolicyFact[] } | undefined;
  let principals: PrincipalIndex | undefined;
  let queries: GraphQueries | undefined;
  const readOrganisation = (): { facts: FileFacts[]; orgPolicies: OrgPolicyFact[] } => {
    if (!organisation) {
      const raw = index.facts();
      const aliases = accountAliases(raw, config);
      const facts = resolveAccountTokens(raw, aliases);
      organisation = { facts, orgPolicies: attachedOrgPolicies(facts, aliases) };
    }
    return organisation;
  };
  return {
    config,
    catalog: catalog ?? defaultCatalog(),
    get files() {
      files ??= index.files();
      return files;
    },
    file(uri) {
      byUri ??= new Map(this.files.map((file) => [file.uri, file]));
      return byUri.get(uri);
    },
    get facts() {
      return readOrganisation().facts;
    },
    get orgPolicies() {
      return readOrganisation().orgPolicies;
    },
    get principals() {
      // The graph builder makes the same index from the same facts, and workspace rules read the
      // graph too: when the index keeps the graph's principals, they are shared.
      if (!principals && index.graphPrincipals) {
        index.graph();
        principals = index.graphPrincipals();
      }
      principals ??= new PrincipalIndex(readOrganisation().facts);
      return principals;
    },
    get graph() {
      return index.graph();
    },
    get queries() {
      queries ??= new GraphQueries(index.graph());
      return queries;
    },
  };
}
