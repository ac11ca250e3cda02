/**
 * A layout of our own for large graphs, linear in their size: every box (account, area) lays its
 * nodes out in a grid, boxes are packed in rows, and nodes are ordered so that each sits on the
 * side of its box facing what it connects to. fcose draws small graphs more organically, but at
 * 2,000 nodes it takes seconds; this takes milliseconds. Pure; unit-tested in node.
 */

export interface PackedNode {
  readonly id: string;
  readonly parent?: string;
  /** Size of the node with its label; ignored for boxes, which take the size of what they hold. */
  readonly width: number;
  readonly height: number;
  /** Nodes of one rank are kept together in a box, lower ranks first. */
  readonly rank?: number;
  readonly label?: string;
}

export interface PackedEdge {
  readonly source: string;
  readonly target: string;
}

export interface Position {
  x: number;
  y: number;
}

export const PACKING = {
  gapX: 28,
  gapY: 22,
  /** Inside a box, around what it holds (Cytoscape's compound padding must match). */
  padding: 18,
  /** Room above a box for its label (up to two lines). */
  labelHeight: 34,
  /** Space between boxes. */
  boxGap: 60,
} as const;

interface Block {
  readonly width: number;
  readonly height: number;
  /** Puts the block's top left corner at (x, y). */
  place(x: number, y: number): void;
}

/** Positions of the nodes that hold no others; boxes follow from what they hold. */
export function packedLayout(nodes: readonly PackedNode[], edges: readonly PackedEdge[], refinements = 2): Map<string, Position> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const children = new Map<string, PackedNode[]>();
  const roots: PackedNode[] = [];
  for (const node of nodes) {
    if (node.parent !== undefined && byId.has(node.parent)) push(children, node.parent, node);
    else roots.push(node);
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target) || edge.source === edge.target) continue;
    push(neighbours, edge.source, edge.target);
    push(neighbours, edge.target, edge.source);
  }
  const rootOf = new Map<string, string>();
  const markRoot = (node: PackedNode, root: string): void => {
    rootOf.set(node.id, root);
    for (const child of children.get(node.id) ?? []) markRoot(child, root);
  };
  for (const root of roots) markRoot(root, root.id);

  const orderedRoots = orderRoots(roots, neighbours, rootOf);
  const rootIndex = new Map(orderedRoots.map((root, index) => [root.id, index]));
  const positions = new Map<string, Position>();

  // First pass: a node's place in its box follows the order of the boxes it connects to.
  let sortKey = (id: string): number => mean((neighbours.get(id) ?? []).map((other) => rootIndex.get(rootOf.get(other)!)!));
  const pack = (): void => {
    const blocks = orderedRoots.map((root) => blockOf(root, children, positions, sortKey));
    packRows(blocks);
  };
  pack();
  // Refinements: the same, by where the neighbours actually landed.
  for (let pass = 0; pass < refinements; pass++) {
    const settled = new Map(positions);
    sortKey = (id: string): number => mean((neighbours.get(id) ?? []).map((other) => settled.get(other)?.x ?? NaN).filter((x) => !Number.isNaN(x)));
    pack();
  }
  return positions;
}

/** The organisation's outside first, then accounts, each next to the one it shares most edges with. */
function orderRoots(roots: readonly PackedNode[], neighbours: ReadonlyMap<string, readonly string[]>, rootOf: ReadonlyMap<string, string>): PackedNode[] {
  const weight = new Map<string, Map<string, number>>();
  for (const [from, list] of neighbours) {
    const a = rootOf.get(from)!;
    for (const to of list) {
      const b = rootOf.get(to)!;
      if (a === b) continue;
      const row = weight.get(a) ?? new Map<string, number>();
      row.set(b, (row.get(b) ?? 0) + 1);
      weight.set(a, row);
    }
  }
  const first = roots.filter((root) => root.id === 'area:outside');
  const last = roots.filter((root) => root.id.startsWith('area:') && root.id !== 'area:outside');
  const middle = roots.filter((root) => !root.id.startsWith('area:'));
  const ordered = [...first];
  const left = new Set(middle);
  while (left.size) {
    let best: PackedNode | undefined;
    let bestScore = -1;
    for (const candidate of left) {
      const row = weight.get(candidate.id);
      let score = 0;
      for (const placed of ordered) score += row?.get(placed.id) ?? 0;
      // Ties (nothing placed connects yet): the most connected account starts the next run.
      if (score === 0) score = -1 + Math.min(0.999, sum(row?.values() ?? []) / 1e6);
      if (score > bestScore || (score === bestScore && best && candidate.id < best.id)) {
        best = candidate;
        bestScore = score;
      }
    }
    ordered.push(best!);
    left.delete(best!);
  }
  return [...ordered, ...last];
}

function blockOf(
  node: PackedNode,
  children: ReadonlyMap<string, readonly PackedNode[]>,
  positions: Map<string, Position>,
  sortKey: (id: string) => number,
): Block {
  const inside = children.get(node.id);
  if (!inside) {
    return {
      width: node.width,
      height: node.height,
      place: (x, y) => positions.set(node.id, { x: x + node.width / 2, y: y + node.height / 2 }),
    };
  }
  const leaves = inside.filter((child) => !children.has(child.id));
  const boxes = inside.filter((child) => children.has(child.id)).map((child) => blockOf(child, children, positions, sortKey));
  const keys = new Map(leaves.map((leaf) => [leaf.id, sortKey(leaf.id)]));
  leaves.sort((a, b) => compareLeaves(a, b, keys));

  const cellWidth = Math.max(0, ...leaves.map((leaf) => leaf.width)) + PACKING.gapX;
  const cellHeight = Math.max(0, ...leaves.map((leaf) => leaf.height)) + PACKING.gapY;
  // About half again as wide as tall, as a screen is.
  const columns = leaves.length === 0 ? 0 : Math.max(1, Math.round(Math.sqrt((leaves.length * 1.5 * cellHeight) / cellWidth)));
  const rows = columns === 0 ? 0 : Math.ceil(leaves.length / columns);
  const gridWidth = columns * cellWidth - (columns ? PACKING.gapX : 0);
  const gridHeight = rows * cellHeight - (rows ? PACKING.gapY : 0);
  const shelf = shelfPack(boxes, Math.max(gridWidth, ...boxes.map((box) => box.width)));
  const innerWidth = Math.max(gridWidth, shelf.width, labelWidth(node));
  const innerHeight = gridHeight + (shelf.height && gridHeight ? PACKING.boxGap / 2 : 0) + shelf.height;
  return {
    width: innerWidth + 2 * PACKING.padding,
    height: innerHeight + 2 * PACKING.padding + PACKING.labelHeight,
    place: (x, y) => {
      const left = x + PACKING.padding;
      const top = y + PACKING.labelHeight + PACKING.padding;
      // Column by column, so the order runs from the left side of the box to the right.
      leaves.forEach((leaf, index) => {
        const column = Math.floor(index / rows);
        const row = index % rows;
        positions.set(leaf.id, { x: left + column * cellWidth + leaf.width / 2, y: top + row * cellHeight + leaf.height / 2 });
      });
      shelf.place(left, top + gridHeight + (gridHeight ? PACKING.boxGap / 2 : 0));
    },
  };
}

function compareLeaves(a: PackedNode, b: PackedNode, keys: ReadonlyMap<string, number>): number {
  const ka = keys.get(a.id)!;
  const kb = keys.get(b.id)!;
  const aLoose = Number.isNaN(ka);
  const bLoose = Number.isNaN(kb);
  if (aLoose !== bLoose) return aLoose ? 1 : -1;
  if (!aLoose && ka !== kb) return ka - kb;
  return (a.rank ?? 0) - (b.rank ?? 0) || (a.label ?? a.id).localeCompare(b.label ?? b.id) || a.id.localeCompare(b.id);
}

/** Blocks in rows no wider than `maxWidth` (or the widest block). */
function shelfPack(blocks: readonly Block[], maxWidth: number): Block {
  const rows: { blocks: Block[]; width: number; height: number }[] = [];
  for (const block of blocks) {
    const row = rows[rows.length - 1];
    if (row && row.width + PACKING.boxGap + block.width <= maxWidth) {
      row.blocks.push(block);
      row.width += PACKING.boxGap + block.width;
      row.height = Math.max(row.height, block.height);
    } else rows.push({ blocks: [block], width: block.width, height: block.height });
  }
  return {
    width: Math.max(0, ...rows.map((row) => row.width)),
    height: rows.reduce((total, row, index) => total + row.height + (index ? PACKING.boxGap : 0), 0),
    place: (x, y) => {
      let top = y;
      for (const row of rows) {
        let left = x;
        for (const block of row.blocks) {
          block.place(left, top);
          left += block.width + PACKING.boxGap;
        }
        top += row.height + PACKING.boxGap;
      }
    },
  };
}

/** The top-level boxes in rows, the whole about half again as wide as tall. */
function packRows(blocks: readonly Block[]): void {
  const area = blocks.reduce((total, block) => total + (block.width + PACKING.boxGap) * (block.height + PACKING.boxGap), 0);
  const width = Math.max(Math.sqrt(area * 1.6), ...blocks.map((block) => block.width));
  shelfPack(blocks, width).place(0, 0);
}

function labelWidth(node: PackedNode): number {
  const longest = Math.max(0, ...(node.label ?? '').split('\n').map((line) => line.length));
  return longest * 7;
}

function mean(values: readonly number[]): number {
  return values.length ? sum(values) / values.length : NaN;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
