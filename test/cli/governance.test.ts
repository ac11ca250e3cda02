/**
 * `iam-atlas check` with the governance rules on a small organisation (test/fixtures/governance/org):
 * the workspace rules reported with the file rules, --summary asserted exactly, JSON and SARIF, and
 * a folder with no iam-atlas.json whose workspace findings have no file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MSG = {
  IAM505: 'Role "payments-app" is created without a permissions boundary, and governance.permissionsBoundary requires one for account 100000000003 (dev). Set permissions_boundary to the boundary policy that caps what delegated roles can do.',
  IAM503: 'Role name "Reporting" does not follow the naming convention {team}-{function} (team: payments, platform). Rename it to the shape of "payments-function".',
  IAM511: 'Permission set "PlatformAdmin" grants AdministratorAccess and is assigned to group platform in account prod (100000000002), a prod account: everyone it reaches is an administrator of production. Assign a permission set scoped to their work, and keep administrator access for break-glass.',
  IAM512: 'AdministratorAccess is attached to role "platform-admin", which principals of other accounts can assume (account dev (100000000003)): whoever controls it is an administrator of this account. Attach a policy scoped to what the callers need instead.',
  IAM501: 'aws_iam_access_key.operator creates an access key for the IAM user aws_iam_user.operator: it does not expire and works from anywhere until someone revokes it. Let people sign in through IAM Identity Center or federation, and workloads assume roles (OIDC for CI); remove the aws_iam_access_key.',
  IAM509: 'Admin-equivalent role "platform-admin" is shared by 2 teams or accounts: account dev (100000000003): the whole account; account prod (100000000002): IAM user operator. Give each its own role, scoped to what it needs, so reviews and CloudTrail tell them apart.',
  IAM507: 'Role "platform-admin" is admin-equivalent, and this statement lets the IAM user arn:aws:iam::100000000002:user/operator assume it without MFA. Add a condition "Bool": { "aws:MultiFactorAuthPresent": "true" }.',
  IAM504: 'Role "Reporting" has no "owner" tag: an access review cannot tell who answers for it. Add tags = { owner = "<team or person>" }, or set it in the provider\'s default_tags.',
  IAM502: 'IAM user "operator" is created in account 100000000002 (prod), whose people sign in through IAM Identity Center (governance.identityCenterAccounts). Give the person a permission set assignment instead; a workload should assume a role.',
  IAM204: 'Trusts the whole account 100000000003 (dev): every role and user there whose own policies allow sts:AssumeRole on this role can assume it. Name the role that needs access, or add an aws:PrincipalArn condition.',
  IAM510_ROOT:
    'No SCP denies actions by the root user of member accounts (guardrail: root-user actions): nothing else binds the root user of a member account. Deny its actions in an SCP attached to the root (a Deny with an aws:PrincipalArn condition on arn:aws:iam::*:root).',
  IAM510_USERS:
    'No SCP denies iam:CreateUser and iam:CreateAccessKey (guardrail: IAM user and access-key creation): any account can create IAM users with long-lived keys instead of using Identity Center and roles. Deny them in an SCP, with an exception for the role that must, if one must.',
  IAM510_TRAIL:
    'No SCP denies cloudtrail:StopLogging and cloudtrail:DeleteTrail (guardrail: disabling CloudTrail): whoever becomes an administrator of an account can turn off its audit trail. Deny them in an SCP attached to the root.',
};

describe('iam-atlas check: governance', () => {
  it('reports the workspace rules among the file rules, each in its file, the guardrails on iam-atlas.json', () => {
    const { code, stdout, stderr } = run(['check', 'governance/org']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        `governance/org/dev/app.tf:1:25 warning IAM505 ${MSG.IAM505}`,
        `governance/org/dev/app.tf:7:25 info IAM504 ${MSG.IAM504}`,
        `governance/org/dev/app.tf:8:26 warning IAM503 ${MSG.IAM503}`,
        `governance/org/iam-atlas.json:9:3 info IAM510 ${MSG.IAM510_ROOT}`,
        `governance/org/iam-atlas.json:9:3 info IAM510 ${MSG.IAM510_USERS}`,
        `governance/org/management/organization.tf:42:24 warning IAM511 ${MSG.IAM511}`,
        `governance/org/prod/admin-policy.tf:4:16 warning IAM512 ${MSG.IAM512}`,
        `governance/org/prod/people.tf:1:25 info IAM502 ${MSG.IAM502}`,
        `governance/org/prod/people.tf:5:10 warning IAM501 ${MSG.IAM501}`,
        `governance/org/prod/roles.tf:7:25 warning IAM509 ${MSG.IAM509}`,
        `governance/org/prod/roles.tf:16:29 warning IAM507 ${MSG.IAM507}`,
        `governance/org/prod/roles.tf:22:29 info IAM204 ${MSG.IAM204}`,
        '12 problems (0 errors, 7 warnings, 5 info) in 6 files; 3 policy files of 7 read.',
        '',
      ].join('\n'),
    );
    assert.equal(run(['check', 'governance/org', '--fail-on', 'warning']).code, 1);
  });

  it('reads the whole organisation to check one file, and reports only on that file', () => {
    const { code, stdout } = run(['check', 'governance/org/prod/roles.tf']);
    assert.equal(code, 0);
    // platform-admin is admin-equivalent through admin-policy.tf, which is read but not reported on.
    assert.equal(
      stdout,
      [
        `governance/org/prod/roles.tf:7:25 warning IAM509 ${MSG.IAM509}`,
        `governance/org/prod/roles.tf:16:29 warning IAM507 ${MSG.IAM507}`,
        `governance/org/prod/roles.tf:22:29 info IAM204 ${MSG.IAM204}`,
        '3 problems (0 errors, 2 warnings, 1 info) in 1 file; 1 policy file of 1 read.',
        '',
      ].join('\n'),
    );
  });

  it('--summary prints the organisation report', () => {
    const { code, stdout, stderr } = run(['check', 'governance/org', '--summary']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Organisation o-gov0000001: 3 accounts, 3 roles (1 admin-equivalent), 1 IAM user, 1 permission set assignment',
        '',
        'Accounts',
        '  account       name        environment  roles  admin  users  permission sets',
        '  100000000001  management  shared           0      0      0                0',
        '  100000000002  prod        prod             1      1      1                1',
        '  100000000003  dev         dev              2      0      0                0',
        '  Outside the organisation: none',
        '',
        'Trust edges: 5 (1 high, 2 medium, 0 low, 2 none)',
        '  high    dev (100000000003) > platform-admin in prod  governance/org/prod/roles.tf:18',
        '          Reaches an admin-equivalent role from outside its trust boundary.',
        '  medium  operator in prod > platform-admin in prod  governance/org/prod/roles.tf:12',
        '          Reaches an admin-equivalent role.',
        '  medium  platform > PlatformAdmin in prod  governance/org/management/organization.tf:37',
        '          Reaches an admin-equivalent role.',
        '',
        'Guardrails (SCPs)',
        '  present  leaving the organisation  governance/org/management/organization.tf',
        '  missing  root-user actions',
        '  missing  IAM user and access-key creation',
        '  present  disabling CloudTrail  governance/org/management/organization.tf',
        '',
        'Top findings',
        `  warning  IAM505  governance/org/dev/app.tf:1:25  ${MSG.IAM505}`,
        `  warning  IAM503  governance/org/dev/app.tf:8:26  ${MSG.IAM503}`,
        `  warning  IAM511  governance/org/management/organization.tf:42:24  ${MSG.IAM511}`,
        `  warning  IAM512  governance/org/prod/admin-policy.tf:4:16  ${MSG.IAM512}`,
        `  warning  IAM501  governance/org/prod/people.tf:5:10  ${MSG.IAM501}`,
        `  warning  IAM509  governance/org/prod/roles.tf:7:25  ${MSG.IAM509}`,
        `  warning  IAM507  governance/org/prod/roles.tf:16:29  ${MSG.IAM507}`,
        `  info     IAM504  governance/org/dev/app.tf:7:25  ${MSG.IAM504}`,
        `  info     IAM510  governance/org/iam-atlas.json:9:3  ${MSG.IAM510_ROOT}`,
        `  info     IAM510  governance/org/iam-atlas.json:9:3  ${MSG.IAM510_USERS}`,
        '',
        '12 problems (0 errors, 7 warnings, 5 info) in 6 files; 3 policy files of 7 read.',
        '',
      ].join('\n'),
    );
  });

  it('--summary --format json adds the report to the summary object, beside the counts', () => {
    const { code, stdout } = run(['check', 'governance/org', '--summary', '--format', 'json']);
    assert.equal(code, 0);
    const { summary, findings } = JSON.parse(stdout);
    assert.equal(findings.length, 12);
    assert.deepEqual(Object.keys(summary), [
      'errors', 'warnings', 'info', 'organizationId', 'accounts', 'outsideAccounts', 'roles', 'adminRoles', 'users', 'permissionSets', 'unplaced', 'edges', 'riskyEdges', 'guardrails', 'topFindings',
    ]);
    assert.deepEqual([summary.errors, summary.warnings, summary.info], [0, 7, 5]);
    assert.deepEqual(summary.accounts[1], { id: '100000000002', name: 'prod', environment: 'prod', roles: 1, adminRoles: 1, users: 1, permissionSets: 1 });
    assert.deepEqual(summary.edges, { total: 5, high: 1, medium: 2, low: 0, none: 2 });
    assert.deepEqual(summary.riskyEdges[0], {
      risk: 'high',
      from: 'dev (100000000003)',
      to: 'platform-admin in prod',
      reasons: ['Reaches an admin-equivalent role from outside its trust boundary.'],
      file: 'governance/org/prod/roles.tf',
      line: 18,
    });
    assert.deepEqual(
      summary.guardrails.map((g: { id: string; present: boolean; sources: string[] }) => [g.id, g.present, g.sources]),
      [
        ['leave-organization', true, ['governance/org/management/organization.tf']],
        ['root-user', false, []],
        ['iam-users', false, []],
        ['cloudtrail', true, ['governance/org/management/organization.tf']],
      ],
    );
    assert.equal(summary.topFindings.length, 10);
    assert.deepEqual(summary.topFindings[0], { file: 'governance/org/dev/app.tf', line: 1, column: 25, severity: 'warning', ruleId: 'IAM505', message: MSG.IAM505 });
    // Without --summary, the summary object stays the counts it always was.
    assert.deepEqual(JSON.parse(run(['check', 'governance/org', '--format', 'json']).stdout).summary, { errors: 0, warnings: 7, info: 5 });
  });

  it('SARIF places the guardrail findings on iam-atlas.json and describes every governance rule', () => {
    const sarif = JSON.parse(run(['check', 'governance/org', '--format', 'sarif']).stdout);
    const [guardrail] = sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'IAM510');
    assert.deepEqual(guardrail.locations[0].physicalLocation, {
      artifactLocation: { uri: 'governance/org/iam-atlas.json', uriBaseId: 'SRCROOT' },
      region: { startLine: 9, startColumn: 3, endLine: 9, endColumn: 15 },
    });
    const rules = sarif.runs[0].tool.driver.rules.filter((r: { properties: { category: string } }) => r.properties.category === 'governance');
    assert.deepEqual(rules.map((r: { id: string }) => r.id), ['IAM501', 'IAM502', 'IAM503', 'IAM504', 'IAM505', 'IAM506', 'IAM507', 'IAM508', 'IAM509', 'IAM510', 'IAM511', 'IAM512']);
  });

  it('without iam-atlas.json, findings about the workspace have no file: text, JSON and SARIF', () => {
    const text = run(['check', 'governance/bare']);
    assert.equal(text.code, 0);
    assert.equal(
      text.stdout,
      [`(workspace) info IAM510 ${MSG.IAM510_ROOT}`, `(workspace) info IAM510 ${MSG.IAM510_TRAIL}`, '2 problems (0 errors, 0 warnings, 2 info) in 0 files and the workspace; 1 policy file of 1 read.', ''].join('\n'),
    );
    const json = JSON.parse(run(['check', 'governance/bare', '--format', 'json']).stdout);
    assert.deepEqual(json.findings[0], { file: null, line: null, column: null, endLine: null, endColumn: null, severity: 'info', ruleId: 'IAM510', ruleName: 'scp-guardrail-missing', message: MSG.IAM510_ROOT, fixes: [] });
    assert.deepEqual(json.summary, { errors: 0, warnings: 0, info: 2 });
    const sarif = JSON.parse(run(['check', 'governance/bare', '--format', 'sarif']).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; locations?: unknown }) => [r.ruleId, r.locations]), [['IAM510', undefined], ['IAM510', undefined]]);
  });
});
