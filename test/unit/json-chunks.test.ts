/** server/src/cli/json-chunks.ts: the graph's JSON written in pieces is the text JSON.stringify writes. */
import * as assert from 'node:assert/strict';
import { batched, jsonChunks } from '../../server/src/cli/json-chunks';

const joined = (value: unknown): string => [...jsonChunks(value)].join('');

describe('JSON in pieces', () => {
  it('joins to exactly what JSON.stringify(value, null, 2) writes', () => {
    const values: unknown[] = [
      { nodes: [{ id: 'a', label: 'line\nbreak', tags: [] }, { id: 'b', nested: { deep: [1, { x: null }] } }], edges: [], meta: {} },
      { skipped: undefined, fn: () => 1, list: [undefined, () => 2, Symbol('s'), NaN, -0, 1e21, 'é\u2028'], date: new Date(0) },
      [[], [[1, 2], { a: [] }], {}],
      'text',
      42,
      null,
      [],
      {},
    ];
    for (const value of values) assert.equal(joined(value), JSON.stringify(value, null, 2));
  });

  it('splits the top two levels into pieces, one per node or edge', () => {
    const graph = { nodes: Array.from({ length: 3 }, (_, index) => ({ id: `n${index}` })), edges: [{ from: 'n0', to: 'n1' }] };
    const pieces = [...jsonChunks(graph)];
    assert.ok(pieces.includes('{\n      "id": "n2"\n    }'), pieces.join('|'));
    assert.equal(pieces.join(''), JSON.stringify(graph, null, 2));
  });

  it('gathers pieces into strings of about the size asked, losing nothing', () => {
    const parts = ['ab', 'cd', 'ef', 'g'];
    assert.deepEqual([...batched(parts, 4)], ['abcd', 'efg']);
    assert.deepEqual([...batched([], 4)], []);
  });
});
