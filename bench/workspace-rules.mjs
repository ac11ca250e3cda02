// What the workspace rules cost: a synthetic organisation of ACCOUNTS accounts, each with a Terraform
// folder of ROLES roles (cross-account trust, admin attachments, tags, users with keys) and SCPs;
// timed cold (index, graph, rules) and after one file changes, the median of RUNS runs.
// Run after `npm run build`: node bench/workspace-rules.mjs [accounts=500] [rolesPerAccount=10] [runs=5]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WorkspaceIndex } = require('../out/server/src/core/graph/index.js');
const { analyzeWorkspace } = require('../out/server/src/core/analyze-workspace.js');
const { initTerraform } = require('../out/server/src/core/parse/terraform-runtime.js');

const [accounts = 500, rolesPerAccount = 10, runs = 5] = process.argv.slice(2).map(Number);
const id = (n) => String(100000000000 + n);

function accountFile(a, salt = '') {
  const lines = [`provider "aws" {\n  default_tags {\n    tags = { owner = "team-${a}" }\n  }\n}\n`];
  for (let r = 0; r < rolesPerAccount; r++) {
    const caller = id((a + 1) % accounts);
    lines.push(`resource "aws_iam_role" "r${r}" {
  name                 = "team${a}-role${r}${salt}"
  max_session_duration = ${r === 0 ? 14400 : 3600}
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = ["arn:aws:iam::${caller}:role/team${(a + 1) % accounts}-role${r}", "arn:aws:iam::${id(a)}:root"] } }]
  })
}

resource "aws_iam_role_policy_attachment" "r${r}" {
  role       = aws_iam_role.r${r}.name
  policy_arn = "arn:aws:iam::aws:policy/${r === 0 ? 'AdministratorAccess' : 'ReadOnlyAccess'}"
}
`);
  }
  lines.push(`resource "aws_iam_user" "u" {\n  name = "user${a}"\n}\n\nresource "aws_iam_access_key" "u" {\n  user = aws_iam_user.u.name\n}\n`);
  return lines.join('\n');
}

const config = {
  organizationId: 'o-benchmark01',
  accounts: Array.from({ length: accounts }, (_, a) => ({ id: id(a), name: `account-${a}`, environment: a % 2 ? 'prod' : 'dev', paths: [`accounts/${a}/**`] })),
  governance: { identityCenterAccounts: ['*'], naming: { role: '{team}-{function}' }, permissionsBoundary: { accounts: ['*'] } },
};
const scp = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

await initTerraform();
const texts = Array.from({ length: accounts }, (_, a) => accountFile(a));
const cold = { index: [], graph: [], rules: [] };
const warm = { update: [], graph: [], rules: [] };
let findings = 0;
for (let run = 0; run < runs; run++) {
  const index = new WorkspaceIndex({ config, root: '/bench' });
  cold.index.push(time(() => {
    texts.forEach((text, a) => index.update(`file:///bench/accounts/${a}/main.tf`, text, `accounts/${a}/main.tf`));
    index.update('file:///bench/scps/leave.json', scp, 'scps/leave.json');
  }).ms);
  cold.graph.push(time(() => index.graph()).ms);
  const first = time(() => analyzeWorkspace(index.context()));
  cold.rules.push(first.ms);
  findings = first.result.length;
  warm.update.push(time(() => index.update('file:///bench/accounts/0/main.tf', accountFile(0, `-v${run}`), 'accounts/0/main.tf')).ms);
  warm.graph.push(time(() => index.graph()).ms);
  warm.rules.push(time(() => analyzeWorkspace(index.context())).ms);
}

const rows = [
  ['cold: index every file', median(cold.index)],
  ['cold: trust graph', median(cold.graph)],
  ['cold: workspace rules (graph built)', median(cold.rules)],
  ['one file changed: index it', median(warm.update)],
  ['one file changed: trust graph', median(warm.graph)],
  ['one file changed: workspace rules', median(warm.rules)],
];
console.log(`Workspace rules, ${accounts} accounts x ${rolesPerAccount} roles (${accounts * rolesPerAccount} roles, ${accounts} users), median of ${runs} runs, ${findings} findings`);
console.log('| step | ms |\n| --- | ---: |');
for (const [step, ms] of rows) console.log(`| ${step} | ${ms.toFixed(1)} |`);
console.log(JSON.stringify({ accounts, rolesPerAccount, runs, findings, medianMs: Object.fromEntries(rows.map(([step, ms]) => [step, Math.round(ms * 10) / 10])) }));
