/** `iam-atlas graph` on a two-account fixture: dev's CI role (GitHub OIDC) can assume prod's admin deploy role. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The trust rule IAM202's finding on deploy's trust statement, carried onto the edge as a reason. */
const IAM202_CI =
  '"arn:aws:iam::111111111111:role/ci" is in another account of the organisation, 111111111111 (dev), and the statement does not require the caller to be in the organisation. Add an aws:PrincipalOrgID condition, so the trust ends if that account leaves the organisation.';

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iam-atlas graph', () => {
  it('prints the graph as JSON, accounts and roles placed, risky edge explained', () => {
    const { code, stdout, stderr } = run(['graph', 'graph']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const graph = JSON.parse(stdout);
    assert.deepEqual(
      graph.nodes.map((n: { id: string; parent?: string }) => `${n.id}${n.parent ? ` in ${n.parent}` : ''}`),
      [
        'account:111111111111',
        'account:222222222222',
        'oidc-provider:111111111111:token.actions.githubusercontent.com in account:111111111111',
        'role:111111111111:ci in account:111111111111',
        'role:222222222222:deploy in account:222222222222',
      ],
    );
    assert.deepEqual(
      graph.edges.map((e: { id: string; risk: string; basis: string }) => `${e.id} ${e.risk} ${e.basis}`),
      [
        'oidc-provider:111111111111:token.actions.githubusercontent.com->role:111111111111:ci:web-identity none granted',
        'role:111111111111:ci->role:222222222222:deploy:assume-role high granted',
      ],
    );
    const risky = graph.edges[1];
    assert.deepEqual(risky.reasons.map((r: { message: string }) => r.message), [
      IAM202_CI,
      'Crosses from a dev account into a prod account.',
      'Reaches an admin-equivalent role from outside its trust boundary.',
    ]);
    assert.equal(risky.source.line, 4);
    assert.match(risky.grant.uri, /dev\/roles\/ci-policy\.json$/);
  });

  it('answers who can assume a role, riskiest path first, with reasons and the trust statement', () => {
    const { code, stdout } = run(['graph', 'graph', '--who-can-assume', 'deploy']);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '2 principals can assume deploy (arn:aws:iam::222222222222:role/deploy):',
        'high   ci > deploy  graph/prod/roles/deploy-trust.json:4',
        `         ${IAM202_CI}`,
        '         Crosses from a dev account into a prod account.',
        '         Reaches an admin-equivalent role from outside its trust boundary.',
        'high   token.actions.githubusercontent.com > ci > deploy  graph/prod/roles/deploy-trust.json:4',
        `         ${IAM202_CI}`,
        '         Crosses from a dev account into a prod account.',
        '         Reaches an admin-equivalent role from outside its trust boundary.',
        '',
      ].join('\n'),
    );
    const missing = run(['graph', 'graph', '--who-can-assume', 'nope']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'iam-atlas: no role "nope" in the trust graph of graph\n');
  });

  it('writes DOT with an account cluster per account and risk styles', () => {
    const { stdout } = run(['graph', 'graph', '--format', 'dot']);
    assert.match(stdout, /^digraph trust \{/);
    assert.match(stdout, /subgraph cluster_1 \{\n {4}label="prod \(222222222222\) \[prod\]";/);
    assert.match(stdout, /"role:222222222222:deploy" \[label="deploy", shape=ellipse, peripheries=2\];/);
    assert.match(stdout, /"role:111111111111:ci" -> "role:222222222222:deploy" \[color="#c62828", penwidth=3, style=solid, label="assume-role"/);
    assert.match(stdout, /-> "role:111111111111:ci" \[color="#616161", style=dashed, label="web-identity"\];/);
  });

  it('writes a Mermaid flowchart with subgraphs and the risky link styled', () => {
    const { stdout } = run(['graph', 'graph', '--format', 'mermaid']);
    assert.deepEqual(stdout.trim().split('\n'), [
      'flowchart LR',
      '  subgraph n0["dev (111111111111) · dev"]',
      '    n2[/"token.actions.githubusercontent.com"/]',
      '    n3("ci")',
      '  end',
      '  subgraph n1["prod (222222222222) · prod"]',
      '    n4("deploy (admin)")',
      '  end',
      '  n2 -.->|"web-identity"| n3',
      '  n3 ==>|"assume-role · high"| n4',
      '  linkStyle 1 stroke:#c62828,stroke-width:3px',
    ]);
  });
});
