/** Answers the custom graph requests of protocol.ts. */
import { GraphQueries } from '../core/graph/query';
import { RISK_RANK, RiskLevel } from '../core/graph/types';
import { GraphRequest, WhoCanAssumeRequest } from '../protocol';
import { WorkspaceGraphs } from './workspace-graph';

export async function graphRequest(graphs: WorkspaceGraphs, params: GraphRequest.Params): Promise<GraphRequest.Result> {
  const found = await graphs.graph(params.uri);
  if (!found) return { nodes: [], edges: [], notes: ['No workspace folder is open.'], indexing: false, fileCount: 0, version: 0 };
  return {
    ...found.graph,
    indexing: found.indexing,
    fileCount: found.fileCount,
    version: found.version,
    ...(found.guardrails ? { guardrails: found.guardrails } : {}),
  };
}

export async function whoCanAssumeRequest(graphs: WorkspaceGraphs, params: WhoCanAssumeRequest.Params): Promise<WhoCanAssumeRequest.Result> {
  const found = await graphs.graph(params.uri);
  if (!found) return { paths: [] };
  const queries = new GraphQueries(found.graph);
  const role = queries.findRole(params.role);
  if (!role) return { paths: [] };
  const paths = queries.whoCanReach(role.id).map((path) => ({
    nodes: path.nodes.map((id) => queries.node(id)!),
    edges: path.edges,
    risk: path.edges.reduce<RiskLevel>((risk, edge) => (RISK_RANK[edge.risk] > RISK_RANK[risk] ? edge.risk : risk), 'none'),
  }));
  return { role, paths };
}
