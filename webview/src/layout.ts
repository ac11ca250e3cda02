/**
 * Places the nodes. Small graphs get fcose (organic, edges short); from FCOSE_MAX_NODES nodes on,
 * our packed layout, which is linear: fcose takes seconds at 2,000 nodes and would freeze the panel.
 * When only some nodes are new (an account expanded, a file saved), the others keep their places.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { GraphElements } from './elements';
import { PackedNode, Position, packedLayout } from './packed-layout';
import { nodeFootprint } from './style';

/**
 * Measured in headless Chromium on this project's machine (2 cores): fcose's default quality took
 * ~0.15 s at 200 nodes and ~0.6 s at 500 when the machine was quiet, ~1.6 s at 400 when it was busy.
 */
export const FCOSE_MAX_NODES = 300;

export type LayoutKind = 'fcose' | 'fcose-incremental' | 'packed' | 'kept';

const KIND_RANK: Readonly<Record<string, number>> = {
  'oidc-provider': 0,
  'saml-provider': 0,
  'sso-group': 1,
  'sso-user': 1,
  user: 2,
  group: 3,
  role: 4,
  'permission-set': 5,
};

/** Whether these elements get the packed layout: a large graph, or one holding collapsed accounts. */
export function usesPackedLayout(elements: GraphElements): boolean {
  const leaves = elements.nodes.filter((node) => !node.classes.includes('container')).length;
  // Collapsed accounts are large boxes that fcose lets overlap; rows keep them apart.
  return leaves > FCOSE_MAX_NODES || elements.nodes.some((node) => node.data.kind === 'summary');
}

/** The packed layout, from the elements alone: the positions go in with the elements, so Cytoscape places each node once. */
export function packedPositions(elements: GraphElements): Map<string, Position> {
  const nodes: PackedNode[] = elements.nodes.map(({ data }) => ({
    id: data.id,
    ...(data.parent ? { parent: data.parent } : {}),
    ...nodeFootprint(data.label, data.kind === 'summary'),
    rank: KIND_RANK[data.kind] ?? 9,
    label: data.label,
  }));
  return packedLayout(nodes, elements.edges.map(({ data }) => ({ source: data.source, target: data.target })));
}

/**
 * fcose for the nodes without a place (`unplaced`): all of them when none has one, else only
 * those, started near where they belong. Resolves when positions are set.
 */
export async function layOut(cy: Core, unplaced: ReadonlySet<string>, previous: ReadonlyMap<string, Position>): Promise<LayoutKind> {
  if (unplaced.size === 0) return 'kept';
  const leaves = cy.nodes().filter((node) => node.isChildless());
  const incremental = unplaced.size < leaves.length;
  if (incremental) seedNearNeighbours(cy, unplaced, previous);
  await runFcose(cy, !incremental);
  return incremental ? 'fcose-incremental' : 'fcose';
}

function runFcose(cy: Core, randomize: boolean): Promise<void> {
  return new Promise((resolve) => {
    const layout = cy.layout({
      name: 'fcose',
      // fcose's options are not in Cytoscape's types.
      ...({
        quality: 'default',
        randomize,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: true,
        uniformNodeDimensions: false,
        packComponents: false,
        nodeSeparation: 75,
        idealEdgeLength: () => 80,
        nodeRepulsion: () => 6000,
        nestingFactor: 0.1,
        gravity: 0.6,
        gravityCompound: 1.5,
        gravityRangeCompound: 1.0,
        tile: true,
        tilingPaddingVertical: 20,
        tilingPaddingHorizontal: 20,
      } as object),
    });
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/**
 * New nodes start where their box was drawn before (an expanded account's summary), else beside a
 * placed neighbour or sibling, so an incremental run moves little.
 */
function seedNearNeighbours(cy: Core, unplaced: ReadonlySet<string>, previous: ReadonlyMap<string, Position>): void {
  cy.batch(() => {
    let index = 0;
    for (const id of unplaced) {
      const node = cy.getElementById(id) as NodeSingular;
      if (node.empty() || !node.isChildless()) continue;
      const placed = (other: NodeSingular): boolean => !unplaced.has(other.id()) && other.isChildless();
      const anchor =
        previous.get(node.data('parent') as string) ??
        node.neighborhood('node').filter(placed)[0]?.position() ??
        node.siblings().filter(placed)[0]?.position() ?? { x: 0, y: 0 };
      // A sunflower spiral: neighbours of one anchor do not land on each other.
      const angle = index * 2.4;
      const radius = 40 + 12 * Math.sqrt(index++);
      node.position({ x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) });
    }
  });
}
