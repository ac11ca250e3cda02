// Writes the rule table of README.md (between the rules:start and rules:end markers) from the rule
// registry, so the two cannot drift. Run after `npm run build`: node scripts/rules-table.mjs
// With --check it only reports whether the README is up to date (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { RULES } = require('../out/server/src/core/rules/index.js');

const KIND_NAMES = { identity: 'identity', trust: 'trust', resource: 'resource', scp: 'SCP', rcp: 'RCP', boundary: 'boundary', session: 'session' };
const ALL = Object.keys(KIND_NAMES);

export function rulesTable(rules) {
  const rows = rules.map((rule) => {
    const kinds = rule.kinds.length === 0 ? '—' : ALL.every((k) => rule.kinds.includes(k)) ? 'all' : rule.kinds.map((k) => KIND_NAMES[k]).join(', ');
    return `| ${rule.id} | [\`${rule.name}\`](docs/rules/${rule.name}.md) | ${rule.severity} | ${kinds} | ${rule.fixable ? 'yes' : ''} | ${rule.summary.replace(/\|/g, '\\|')} |`;
  });
  return ['| id | rule | severity | policy kinds | fix | what it reports |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
const updated = `${before}\n${rulesTable(RULES)}\n${after}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md rule table is out of date: run `npm run build && node scripts/rules-table.mjs`.');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync('README.md', updated);
  console.log(`README.md: rule table rewritten (${RULES.length} rules).`);
}
