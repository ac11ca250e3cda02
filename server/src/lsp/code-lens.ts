/** Code lenses above each role's trust policy: how many principals can assume it (how many risky), and a way into the graph panel. */
import { CodeLens } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GraphQueries } from '../core/graph/query';
import { RISK_RANK, TrustGraph } from '../core/graph/types';

export const SHOW_WHO_CAN_ASSUME = 'iamAtlas.showWhoCanAssume';
export const SHOW_TRUST_GRAPH = 'iamAtlas.showTrustGraph';

export function trustCodeLenses(document: TextDocument, graph: TrustGraph): CodeLens[] {
  const roles = graph.nodes.filter((node) => node.kind === 'role' && node.source?.uri === document.uri);
  if (roles.length === 0) return [];
  const queries = new GraphQueries(graph);
  return roles.flatMap((role) => {
    const paths = queries.whoCanReach(role.id);
    const risky = paths.filter((path) => path.edges.some((edge) => RISK_RANK[edge.risk] >= RISK_RANK.medium)).length;
    const position = document.positionAt(role.source!.start);
    const title =
      paths.length === 0
        ? 'No principal in the workspace can assume this role'
        : `${paths.length} principal${paths.length === 1 ? '' : 's'} can assume · ${risky} risky`;
    const range = { start: position, end: position };
    return [
      { range, command: { title, command: SHOW_WHO_CAN_ASSUME, arguments: [role.id, document.uri] } },
      { range, command: { title: 'Show in trust graph', command: SHOW_TRUST_GRAPH, arguments: [role.id, document.uri] } },
    ];
  });
}
