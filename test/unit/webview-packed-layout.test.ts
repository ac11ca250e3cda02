/** webview/src/packed-layout.ts: boxes in rows, nodes in grids, nothing on top of anything else. */
import * as assert from 'node:assert/strict';
import { PACKING, PackedEdge, PackedNode, Position, packedLayout } from '../../webview/src/packed-layout';

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function leafRect(node: PackedNode, at: Position): Rect {
  return { x1: at.x - node.width / 2, y1: at.y - node.height / 2, x2: at.x + node.width / 2, y2: at.y + node.height / 2 };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** A box's extent: what it holds, padded, with room for its label above. */
function boxRect(id: string, nodes: readonly PackedNode[], positions: ReadonlyMap<string, Position>): Rect {
  const inside = (parent: string): PackedNode[] => nodes.filter((n) => n.parent === parent).flatMap((n) => (nodes.some((c) => c.parent === n.id) ? inside(n.id) : [n]));
  const rects = inside(id).map((n) => leafRect(n, positions.get(n.id)!));
  return {
    x1: Math.min(...rects.map((r) => r.x1)) - PACKING.padding,
    y1: Math.min(...rects.map((r) => r.y1)) - PACKING.padding - PACKING.labelHeight,
    x2: Math.max(...rects.map((r) => r.x2)) + PACKING.padding,
    y2: Math.max(...rects.map((r) => r.y2)) + PACKING.padding,
  };
}

function organisation(accounts: number, perAccount: number): { nodes: PackedNode[]; edges: PackedEdge[] } {
  const nodes: PackedNode[] = [{ id: 'area:outside', width: 0, height: 0 }, { id: 'anyone', parent: 'area:outside', width: 60, height: 46 }];
  const edges: PackedEdge[] = [];
  for (let a = 0; a < accounts; a++) {
    nodes.push({ id: `account:${a}`, width: 0, height: 0, label: `account ${a}` });
    for (let r = 0; r < perAccount; r++) {
      nodes.push({ id: `role:${a}:${r}`, parent: `account:${a}`, width: 40 + ((a * 7 + r * 13) % 100), height: 46, label: `role-${r}` });
      if (a > 0 && r % 3 === 0) edges.push({ source: `role:${a - 1}:${r}`, target: `role:${a}:${r}` });
    }
  }
  edges.push({ source: 'anyone', target: 'role:0:1' });
  return { nodes, edges };
}

describe('webview packed layout', () => {
  it('places every node that holds no others, and no two of them overlap', () => {
    const { nodes, edges } = organisation(12, 40);
    const positions = packedLayout(nodes, edges);
    const leaves = nodes.filter((n) => !nodes.some((c) => c.parent === n.id));
    assert.equal(positions.size, leaves.length);
    const rects = leaves.map((n) => leafRect(n, positions.get(n.id)!));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) assert.equal(overlaps(rects[i]!, rects[j]!), false, `${leaves[i]!.id} overlaps ${leaves[j]!.id}`);
    }
  });

  it('keeps boxes apart, the outside of the organisation first', () => {
    const { nodes, edges } = organisation(6, 15);
    const positions = packedLayout(nodes, edges);
    const boxes = ['area:outside', ...Array.from({ length: 6 }, (_, a) => `account:${a}`)].map((id) => ({ id, rect: boxRect(id, nodes, positions) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) assert.equal(overlaps(boxes[i]!.rect, boxes[j]!.rect), false, `${boxes[i]!.id} overlaps ${boxes[j]!.id}`);
    }
    const outside = boxes[0]!.rect;
    assert.ok(boxes.slice(1).every((box) => box.rect.x1 >= outside.x2 || box.rect.y1 >= outside.y2), 'outside comes first (top left)');
  });

  it('puts nodes on the side of their box that faces what they connect to', () => {
    // In box b, four "west" nodes connect to a node of box a, four "east" nodes to one of box c.
    const side = (name: string): PackedNode[] => Array.from({ length: 4 }, (_, i) => ({ id: `${name}${i}`, parent: 'b', width: 50, height: 46 }));
    const nodes: PackedNode[] = [
      { id: 'a', width: 0, height: 0 },
      { id: 'b', width: 0, height: 0 },
      { id: 'c', width: 0, height: 0 },
      { id: 'a1', parent: 'a', width: 50, height: 46 },
      { id: 'c1', parent: 'c', width: 50, height: 46 },
      ...side('east'),
      ...side('west'),
    ];
    const edges: PackedEdge[] = [
      ...side('west').map((n) => ({ source: 'a1', target: n.id })),
      ...side('east').map((n) => ({ source: n.id, target: 'c1' })),
    ];
    const positions = packedLayout(nodes, edges);
    const meanX = (name: string): number => side(name).reduce((sum, n) => sum + positions.get(n.id)!.x, 0) / 4;
    const a = positions.get('a1')!.x;
    const c = positions.get('c1')!.x;
    assert.notEqual(a, c);
    assert.equal(Math.sign(meanX('west') - meanX('east')), Math.sign(a - c), `west ${meanX('west')}, east ${meanX('east')}, a ${a}, c ${c}`);
  });

  it('gives the same positions for the same input', () => {
    const { nodes, edges } = organisation(5, 20);
    assert.deepEqual([...packedLayout(nodes, edges)], [...packedLayout(nodes, edges)]);
  });
});
