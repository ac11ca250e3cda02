/** Every registered rule keeps the promises the rest of the product relies on. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';

const root = path.resolve(__dirname, '..', '..', '..');
const BANDS: Record<string, string> = {
  grammar: '0',
  catalog: '1',
  trust: '2',
  permissions: '3',
  organization: '4',
  governance: '5',
};

describe('rule registry', () => {
  it('ids and names are unique and well-formed', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    assert.equal(new Set(RULES.map((r) => r.name)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^IAM\d{3}$/, rule.name);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
      assert.equal(rule.id[3], BANDS[rule.category], `${rule.id} ${rule.name} is in the ${rule.category} band`);
      // Governance rules may be about resources that are not policies (users, keys, tags).
      assert.ok(rule.kinds.length > 0 || rule.category === 'governance', `${rule.name} applies to some kind`);
      assert.ok(rule.summary.endsWith('.'), `${rule.name} summary is a sentence`);
    }
  });

  it('each rule lives in the file named after it', () => {
    for (const rule of RULES) {
      assert.ok(existsSync(path.join(root, 'server', 'src', 'core', 'rules', `${rule.name}.ts`)), `rules/${rule.name}.ts`);
    }
  });

  it('each rule has a docs page with its id, and the README lists it', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const rule of RULES) {
      const page = path.join(root, 'docs', 'rules', `${rule.name}.md`);
      assert.ok(existsSync(page), `docs/rules/${rule.name}.md`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${rule.name}`), `${rule.name}.md starts with its name`);
      assert.ok(text.includes(rule.id), `${rule.name}.md names ${rule.id}`);
      assert.ok(readme.includes(`[\`${rule.name}\`](docs/rules/${rule.name}.md)`), `README links ${rule.name}`);
    }
  });
});
