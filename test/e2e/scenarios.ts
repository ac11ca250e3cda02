/**
 * What a user does with IAM Atlas in VS Code, step by step. Every driver runs every scenario in a
 * fresh copy of the workspace (examples/ plus test/fixtures/e2e/ as scratch/), so scenarios may edit
 * files. Add a scenario here when a feature lands: a title and a few calls on `ide`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { TrustGraph } from '../../server/src/protocol';
import { Ide, Scenario, scenario } from './ide';

/** The graph the CLI prints for examples/: the workspace of a scenario holds the same files (plus scratch/, which adds none). */
function examplesGraph(): TrustGraph {
  const root = path.resolve(__dirname, '..', '..', '..');
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'graph', 'examples'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`iam-atlas graph examples failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as TrustGraph;
}

const LEGACY = 'accounts/dev/policies/legacy-bucket-access.json';
/** examples/accounts/dev/policies/legacy-bucket-access.json, in position order. */
const LEGACY_FINDINGS = ['IAM004', 'IAM011', 'IAM006', 'IAM012', 'IAM010', 'IAM011', 'IAM013'];

function unquoted(label: string): string {
  return label.replace(/^"|"$/g, '');
}

/** The status bar text once it shows these counts (only where the driver can see the screen). */
async function expectStatus(ide: Ide, expected: string): Promise<void> {
  if (!ide.capabilities.has('screen')) return;
  assert.equal(await ide.statusBar((text) => text === expected), expected);
}

export const SCENARIOS: readonly Scenario[] = [
  scenario('a risky policy: the Problems panel lists its rule ids and the status bar counts them', async (ide) => {
    await ide.open(LEGACY);
    const findings = await ide.expectFindings(LEGACY_FINDINGS);
    assert.deepEqual(findings.find((f) => f.ruleId === 'IAM006'), {
      ruleId: 'IAM006',
      line: 6,
      column: 17,
      severity: 'error',
      message: 'Effect "allow" must be written "Allow": AWS matches it case-sensitively.',
    });
    assert.equal(findings.find((f) => f.ruleId === 'IAM004')?.severity, 'warning');
    await expectStatus(ide, 'IAM Atlas: 6 errors, 1 warning in this file');
    await ide.screenshot('problems');
  }),

  scenario('quick-fix from the editor: Effect "allow" becomes "Allow" and its finding goes', async (ide) => {
    await ide.open(LEGACY);
    const findings = await ide.expectFindings(LEGACY_FINDINGS);
    const effect = findings.find((f) => f.ruleId === 'IAM006')!;
    await ide.moveTo(effect.line, effect.column);
    await ide.screenshot('before-fix');
    await ide.quickFix('Change Effect to "Allow"');
    assert.equal(await ide.lineText(6, (text) => !text.includes('"allow"')), '      "Effect": "Allow",');
    await ide.expectFindings(LEGACY_FINDINGS.filter((id) => id !== 'IAM006'));
    await expectStatus(ide, 'IAM Atlas: 5 errors, 1 warning in this file');
    await ide.screenshot('after-fix');
  }),

  scenario('quick-fix: a missing Version is added and the file is clean', async (ide) => {
    await ide.open('scratch/no-version.json');
    const [missing] = await ide.expectFindings(['IAM002']);
    assert.match(missing!.message, /^Policy has no Version/);
    await expectStatus(ide, 'IAM Atlas: 0 errors, 1 warning in this file');
    await ide.moveTo(missing!.line, missing!.column);
    await ide.quickFix('Add "Version": "2012-10-17"');
    assert.equal(await ide.lineText(2, (text) => text.includes('Version')), '  "Version": "2012-10-17",');
    await ide.expectFindings([]);
    await expectStatus(ide, 'IAM Atlas: no findings in this file');
    await ide.screenshot('fixed');
  }),

  scenario('typing a mistake reports it as you type', async (ide) => {
    await ide.open('scratch/clean.json');
    await expectStatus(ide, 'IAM Atlas: no findings in this file');
    await ide.moveTo(6, 23); // after "Allow, before the closing quote
    await ide.type('ed');
    assert.equal(await ide.lineText(6, (text) => text.includes('Allowed')), '      "Effect": "Allowed",');
    // Each keystroke is analysed: wait for the finding about the text as typed, not about "Allowe".
    const expected = 'Effect "Allowed" is not valid: use "Allow" or "Deny".';
    const findings = await ide.findings((all) => all.length === 1 && all[0]!.message === expected);
    assert.deepEqual(findings.map((f) => f.ruleId), ['IAM006']);
    await ide.screenshot('typed');
  }),

  scenario('a snippet expands to a trust policy with no findings of its own', async (ide) => {
    await ide.open('scratch/new-trust.json');
    await ide.insertSnippet('iam-trust-github-oidc');
    assert.equal(await ide.lineText(7, (text) => text.includes('Principal')), '      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },');
    // The first placeholder, the Sid, is selected: typing over it with an invalid Sid must give
    // exactly that one finding, which shows the expanded text was analysed and found clean otherwise.
    await ide.type('allow-github');
    const [sid] = await ide.expectFindings(['IAM011']);
    assert.equal(sid!.line, 5);
    await ide.screenshot('snippet');
  }),

  scenario('iam-atlas.json: hover and completion come from the contributed schema', async (ide) => {
    await ide.open('iam-atlas.json');
    await ide.moveTo(2, 6);
    const hover = await ide.hover();
    assert.match(hover, /The AWS Organizations id \(o-\.\.\.\)/);
    // A new key at the top: the schema offers the keys the file does not have yet.
    await ide.moveTo(1, 2);
    await ide.type('\n"');
    const labels = (await ide.completions((all) => all.some((l) => unquoted(l) === 'rules'))).map(unquoted);
    assert.ok(labels.includes('policyKinds'), labels.join(', '));
    assert.ok(!labels.includes('accounts'), 'keys already in the file are not offered again');
    await ide.screenshot('schema');
  }),

  scenario('hover an action: its documentation shows', async (ide) => {
    await ide.open('accounts/dev/policies/developer.json');
    await ide.moveTo(13, 25); // on the action name of "iam:CreateUser" (on "iam" the service shows)
    const hover = await ide.hover();
    assert.match(hover, /Grants permission to create a new IAM user/);
    assert.match(hover, /Write/);
    await ide.screenshot('hover');
  }),

  scenario('completion in an Action value offers the service\'s actions', async (ide) => {
    await ide.open('scratch/clean.json');
    await ide.moveTo(7, 21); // just after "s3:
    await ide.type('PutObj'); // the list shows a dozen rows at a time: narrow it as a user would
    const labels = (await ide.completions((all) => all.some((label) => unquoted(label) === 's3:PutObject'))).map(unquoted);
    assert.ok(labels.includes('s3:PutObject'), labels.join(', '));
    assert.ok(!labels.includes('s3:GetObject'), 'the list follows what was typed');
    await ide.screenshot('completion');
  }),

  scenario('security fix: "Add condition aws:PrincipalOrgID" bounds a cross-account trust and its finding goes', async (ide) => {
    await ide.open('accounts/prod/roles/deploy-trust.json');
    const [crossAccount] = await ide.expectFindings(['IAM202']);
    await ide.moveTo(crossAccount!.line, crossAccount!.column);
    await ide.quickFix('Add condition aws:PrincipalOrgID = "o-a1b2c3d4e5"');
    assert.equal(await ide.lineText(11, (text) => text.includes('PrincipalOrgID')), '          "aws:PrincipalOrgID": "o-a1b2c3d4e5"');
    await ide.expectFindings([]);
    await ide.screenshot('org-condition');
  }),

  scenario('a Terraform file: findings of jsonencode, heredoc and policy_document policies show', async (ide) => {
    await ide.open('accounts/prod/terraform/roles.tf');
    const findings = await ide.expectFindings(['IAM011', 'IAM203', 'IAM204', 'IAM008', 'IAM201']);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line, f.column]),
      [['IAM011', 46, 18], ['IAM203', 48, 33], ['IAM204', 48, 33], ['IAM008', 62, 5], ['IAM201', 66, 22]],
    );
    await ide.screenshot('terraform');
  }),

  scenario('IAM Atlas: Show Trust Graph draws the workspace\'s accounts, roles and risky edges', async (ide) => {
    const graph = examplesGraph();
    const risky = graph.edges.filter((e) => e.risk === 'high' || e.risk === 'medium').length;
    await ide.open('accounts/prod/roles/deploy-trust.json');
    await ide.runCommand('iamAtlas.showTrustGraph', 'IAM Atlas: Show Trust Graph');
    const expected = `${graph.nodes.length} nodes, ${graph.edges.length} edges, ${risky} risky`;
    const status = await ide.webviewText('footer.status', (text) => text.startsWith(expected));
    assert.ok(risky > 0 && graph.nodes.some((n) => n.kind === 'account') && graph.nodes.some((n) => n.kind === 'role'), status);
    await ide.screenshot('trust-graph');
  }, { needs: ['screen'] }),

  scenario('IAM Atlas: Restart Language Server brings findings back', async (ide) => {
    await ide.open('scratch/clean.json');
    await ide.runCommand('iamAtlas.restartServer', 'IAM Atlas: Restart Language Server');
    await ide.moveTo(6, 23);
    await ide.type('ed');
    await ide.expectFindings(['IAM006']);
  }),

  scenario('IAM Atlas: Show Output opens the IAM Atlas output channel', async (ide) => {
    await ide.open('scratch/clean.json');
    await ide.runCommand('iamAtlas.showOutput', 'IAM Atlas: Show Output');
    await ide.expectVisible(': language server started.');
    await ide.screenshot('output');
  }, { needs: ['screen'] }),

  scenario('first run: the walkthrough starts an iam-atlas.json', async (ide) => {
    await ide.runCommand('workbench.action.openWalkthrough', 'Welcome: Open Walkthrough...');
    await ide.choose('Get started with IAM Atlas');
    await ide.expectVisible('Open the example organisation');
    await ide.screenshot('walkthrough');
    await ide.click('Describe your organisation in iam-atlas.json');
    await ide.click('Create iam-atlas.json');
    assert.equal(await ide.lineText(2, (text) => text.includes('organizationId')), '  "organizationId": "o-a1b2c3d4e5",');
    await ide.screenshot('iam-atlas-json');
  }, { needs: ['screen'], folder: 'empty' }),

  scenario('first run: Open Example Organisation opens the shipped examples, findings and all', async (ide) => {
    await ide.runCommand('iamAtlas.openExample', 'IAM Atlas: Open Example Organisation');
    await ide.expectVisible('iam-atlas.json'); // the window now shows the example's folder
    await ide.open(LEGACY);
    await ide.expectFindings(LEGACY_FINDINGS);
    await ide.screenshot('example');
  }, { needs: ['screen'], folder: 'none' }),
];

