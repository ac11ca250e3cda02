/**
 * The trust graph's semantics, one tiny workspace at a time, each with its exact edge set.
 * Accounts: 111111111111 (dev), 222222222222 (prod), both in the organisation o-aaaaaaaaaa;
 * 999999999999 is outside it.
 */
import * as assert from 'node:assert/strict';
import { WorkspaceConfig } from '../../server/src/core/config';
import { GraphEdge, GraphQueries, TrustGraph, WorkspaceIndex } from '../../server/src/core/graph';

const DEV = '111111111111';
const PROD = '222222222222';
const OUTSIDE = '999999999999';

const CONFIG: WorkspaceConfig = {
  organizationId: 'o-aaaaaaaaaa',
  accounts: [
    { id: DEV, name: 'dev', environment: 'dev', paths: ['dev/**'] },
    { id: PROD, name: 'prod', environment: 'prod', paths: ['prod/**'] },
  ],
};

function trust(principal: object | string, extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] };
}

function allowAssume(resource: string, extra: object = {}): object {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource, ...extra }] };
}

function graphOf(files: Record<string, object>, config: WorkspaceConfig = CONFIG): TrustGraph {
  const index = new WorkspaceIndex({ config, root: '/ws' });
  for (const [path, content] of Object.entries(files)) index.update(`file:///ws/${path}`, JSON.stringify(content, null, 2), path);
  return index.graph();
}

/** Edges as `from -> to (kind, basis)`, sorted. */
function edges(graph: TrustGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} (${e.kind}, ${e.basis})`).sort();
}

function edge(graph: TrustGraph, from: string, to: string): GraphEdge {
  const found = graph.edges.find((e) => e.from === from && e.to === to);
  assert.ok(found, `no edge ${from} -> ${to}; edges: ${edges(graph).join('; ')}`);
  return found;
}

/** The trust rules' findings reach the graph as reasons (IAM202: cross-account without an organisation condition). */
const IAM202_CI = `"arn:aws:iam::${DEV}:role/ci" is in another account of the organisation, ${DEV} (dev), and the statement does not require the caller to be in the organisation. Add an aws:PrincipalOrgID condition, so the trust ends if that account leaves the organisation.`;

const DEPLOY = `role:${PROD}:deploy`;
const CI = `role:${DEV}:ci`;
const ADMIN = `role:${DEV}:admin`;
const RUNNER = `role:${DEV}:runner`;

describe('trust graph semantics', () => {
  it('same account: a trust naming the principal is enough on its own', () => {
    const graph = graphOf({
      'dev/roles/admin-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/runner` }),
      'dev/roles/runner-trust.json': trust({ Service: 'ec2.amazonaws.com' }),
    });
    assert.deepEqual(edges(graph), [
      `role:${DEV}:runner -> ${ADMIN} (assume-role, granted)`,
      `service:ec2.amazonaws.com -> ${RUNNER} (assume-role, granted)`,
    ]);
  });

  it('account-root trust without an identity allow: only the account itself, as trust-only', () => {
    const graph = graphOf({
      'dev/roles/admin-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:root` }),
      'dev/roles/runner-trust.json': trust({ Service: 'ec2.amazonaws.com' }),
    });
    assert.deepEqual(edges(graph), [
      `account:${DEV} -> ${ADMIN} (assume-role, trust-only)`,
      `service:ec2.amazonaws.com -> ${RUNNER} (assume-role, granted)`,
    ]);
    assert.ok(graph.notes.some((n) => n.includes('no identity policy of runner allows sts:AssumeRole')), graph.notes.join('\n'));
  });

  it('account-root trust with an identity allow: the granted principal too, with its grant', () => {
    const graph = graphOf({
      'dev/roles/admin-trust.json': trust({ AWS: DEV }),
      'dev/roles/runner-trust.json': trust({ Service: 'ec2.amazonaws.com' }),
      'dev/roles/runner-policy.json': allowAssume(`arn:aws:iam::${DEV}:role/admin`),
    });
    assert.deepEqual(edges(graph), [
      `account:${DEV} -> ${ADMIN} (assume-role, trust-only)`,
      `role:${DEV}:runner -> ${ADMIN} (assume-role, granted)`,
      `service:ec2.amazonaws.com -> ${RUNNER} (assume-role, granted)`,
    ]);
    const granted = edge(graph, RUNNER, ADMIN);
    assert.equal(granted.grant?.uri, 'file:///ws/dev/roles/runner-policy.json');
    assert.equal(granted.grant?.line, 4);
    assert.equal(granted.source?.uri, 'file:///ws/dev/roles/admin-trust.json');
  });

  it('cross-account with the source allow: an edge, with both places to look', () => {
    const graph = graphOf({
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'dev/roles/ci-policy.json': allowAssume('arn:aws:iam::*:role/deploy'),
    });
    assert.deepEqual(edges(graph), [`${CI} -> ${DEPLOY} (assume-role, granted)`]);
    const crossing = edge(graph, CI, DEPLOY);
    assert.equal(crossing.risk, 'medium');
    assert.deepEqual(crossing.reasons.map((r) => [r.ruleId ?? '', r.message]), [
      ['IAM202', IAM202_CI],
      ['', 'Crosses from a dev account into a prod account.'],
    ]);
  });

  it('cross-account without the source allow: no edge, and a note says why', () => {
    const graph = graphOf({
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'dev/roles/ci-policy.json': allowAssume(`arn:aws:iam::${PROD}:role/other`),
    });
    assert.deepEqual(edges(graph), []);
    assert.deepEqual(graph.notes, [`ci → deploy: the trust allows it, but no identity policy of ci allows sts:AssumeRole on the role`]);
  });

  it('a source outside the workspace is assumed able to call: trust-only, from its outside account', () => {
    const graph = graphOf({ 'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${OUTSIDE}:role/vendor` }) });
    assert.deepEqual(edges(graph), [`role:${OUTSIDE}:vendor -> ${DEPLOY} (assume-role, trust-only)`]);
    const node = graph.nodes.find((n) => n.id === `role:${OUTSIDE}:vendor`);
    assert.equal(node?.parent, `account:${OUTSIDE}`);
    assert.equal(graph.nodes.find((n) => n.id === `account:${OUTSIDE}`)?.kind, 'external-account');
    assert.deepEqual(edge(graph, `role:${OUTSIDE}:vendor`, DEPLOY).reasons.map((r) => [r.level, r.ruleId ?? '', r.message]), [
      [
        'medium',
        'IAM203',
        `Account ${OUTSIDE} is outside the organisation and is trusted without an sts:ExternalId condition: a third party that acts for several customers can be tricked into using this role for someone else (the confused deputy). Add an sts:ExternalId condition with the ID the third party gave you.`,
      ],
      ['medium', '', `Comes from account ${OUTSIDE}, outside the organisation.`],
    ]);
  });

  it('an explicit Deny wins: in the trust policy, and in the caller\'s identity policy', () => {
    const trustDeny = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:role/ci` }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole' },
      ],
    };
    const denied = graphOf({ 'prod/roles/deploy-trust.json': trustDeny, 'dev/roles/ci-policy.json': allowAssume('*') });
    assert.deepEqual(edges(denied), []);
    assert.ok(denied.notes.some((n) => n.endsWith('denied by the trust policy')), denied.notes.join('\n'));

    const identityDeny = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
        { Effect: 'Deny', Action: 'sts:*', Resource: `arn:aws:iam::${PROD}:role/*` },
      ],
    };
    const selfDenied = graphOf({ 'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }), 'dev/roles/ci-policy.json': identityDeny });
    assert.deepEqual(edges(selfDenied), []);
  });

  it('an SCP Deny on the source account removes the edge; the management account is exempt', () => {
    const scp = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD}:role/*` }] };
    const files = {
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'dev/roles/ci-policy.json': allowAssume('*'),
      'scps/no-prod.json': scp,
    };
    assert.deepEqual(edges(graphOf(files)), []);
    assert.deepEqual(edges(graphOf(files, { ...CONFIG, managementAccountId: DEV })), [`${CI} -> ${DEPLOY} (assume-role, granted)`]);
  });

  it('an SCP Deny that depends on request context keeps the edge with a low reason', () => {
    const scp = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    };
    const graph = graphOf({
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'dev/roles/ci-policy.json': allowAssume('*'),
      'scps/mfa.json': scp,
    });
    assert.deepEqual(edge(graph, CI, DEPLOY).reasons.map((r) => [r.level, r.ruleId ?? r.message]), [
      ['medium', 'IAM202'],
      ['low', 'A Deny in the SCP in mfa.json may apply, depending on its conditions.'],
      ['medium', 'Crosses from a dev account into a prod account.'],
    ]);
  });

  it('an aws:PrincipalOrgID condition shuts out callers from outside the organisation', () => {
    const graph = graphOf({
      'prod/roles/deploy-trust.json': trust(
        { AWS: [`arn:aws:iam::${OUTSIDE}:role/vendor`, `arn:aws:iam::${DEV}:role/ci`] },
        { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' } } },
      ),
      'dev/roles/ci-policy.json': allowAssume('*'),
    });
    assert.deepEqual(edges(graph), [`${CI} -> ${DEPLOY} (assume-role, granted)`]);
    assert.deepEqual(edge(graph, CI, DEPLOY).conditions, [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-aaaaaaaaaa'] }]);
  });

  it('anyone: high risk without a bounding condition, medium with one', () => {
    const open = graphOf({ 'prod/roles/deploy-trust.json': trust({ AWS: '*' }) });
    assert.deepEqual(edges(open), [`anyone -> ${DEPLOY} (assume-role, trust-only)`]);
    assert.equal(edge(open, 'anyone', DEPLOY).risk, 'high');
    const bounded = graphOf({
      'prod/roles/deploy-trust.json': trust('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaaaaaaaa' } } }),
    });
    assert.equal(edge(bounded, 'anyone', DEPLOY).risk, 'medium');
  });

  it('OIDC and SAML federation are edges from the identity provider', () => {
    const oidc = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main' } },
        },
      ],
    };
    const saml = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/Okta` }, Action: 'sts:AssumeRoleWithSAML' }],
    };
    const graph = graphOf({ 'prod/roles/deploy-trust.json': oidc, 'prod/roles/people-trust.json': saml });
    assert.deepEqual(edges(graph), [
      `oidc-provider:${PROD}:token.actions.githubusercontent.com -> ${DEPLOY} (web-identity, granted)`,
      `saml-provider:${PROD}:Okta -> role:${PROD}:people (saml, granted)`,
    ]);
    assert.equal(graph.nodes.find((n) => n.id.startsWith('oidc-provider'))?.parent, `account:${PROD}`);
  });

  it('marks admin-equivalent roles and raises edges into them', () => {
    const graph = graphOf({
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'prod/roles/deploy-policy.json': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      'dev/roles/ci-policy.json': allowAssume('*'),
    });
    assert.equal(graph.nodes.find((n) => n.id === DEPLOY)?.adminEquivalent, true);
    assert.equal(edge(graph, CI, DEPLOY).risk, 'high');
  });

  it('role chains past two hops carry a reason', () => {
    const graph = graphOf({
      'dev/roles/a-trust.json': trust({ Service: 'ec2.amazonaws.com' }),
      'dev/roles/b-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/a` }),
      'dev/roles/c-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/b` }),
    });
    assert.deepEqual(edge(graph, `role:${DEV}:b`, `role:${DEV}:c`).reasons.map((r) => r.message), [
      'Ends a chain of 3 hops: access through role chaining is hard to review.',
    ]);
    assert.deepEqual(edge(graph, `role:${DEV}:a`, `role:${DEV}:b`).reasons, []);
  });

  it('answers who can reach a role, and the paths from outside and from non-prod into prod', () => {
    const graph = graphOf({
      'dev/roles/ci-trust.json': trust({ AWS: `arn:aws:iam::${OUTSIDE}:root` }),
      'prod/roles/deploy-trust.json': trust({ AWS: `arn:aws:iam::${DEV}:role/ci` }),
      'dev/roles/ci-policy.json': allowAssume('*'),
    });
    const queries = new GraphQueries(graph);
    assert.deepEqual(
      queries.whoCanReach(DEPLOY).map((p) => p.nodes.join(' > ')),
      [`${CI} > ${DEPLOY}`, `account:${OUTSIDE} > ${CI} > ${DEPLOY}`],
    );
    assert.deepEqual(queries.pathsFromOutside().map((p) => p.nodes.join(' > ')), [`account:${OUTSIDE} > ${CI}`, `account:${OUTSIDE} > ${CI} > ${DEPLOY}`]);
    assert.deepEqual(queries.nonProdToProdPaths().map((p) => p.nodes.join(' > ')), [`${CI} > ${DEPLOY}`]);
    assert.equal(queries.findRole('deploy')?.id, DEPLOY);
    assert.equal(queries.findRole(`arn:aws:iam::${PROD}:role/deploy`)?.id, DEPLOY);
  });

  it('updates incrementally: an unchanged file is not read again, a changed one changes the graph', () => {
    const index = new WorkspaceIndex({ config: CONFIG });
    const text = JSON.stringify(trust({ AWS: `arn:aws:iam::${OUTSIDE}:root` }));
    assert.equal(index.update('file:///ws/prod/roles/deploy-trust.json', text, 'prod/roles/deploy-trust.json'), true);
    const first = index.graph();
    assert.equal(index.update('file:///ws/prod/roles/deploy-trust.json', text, 'prod/roles/deploy-trust.json'), false);
    assert.equal(index.graph(), first, 'same graph object: nothing was rebuilt');
    index.update('file:///ws/prod/roles/deploy-trust.json', JSON.stringify(trust({ Service: 'ecs-tasks.amazonaws.com' })), 'prod/roles/deploy-trust.json');
    assert.deepEqual(edges(index.graph()), [`service:ecs-tasks.amazonaws.com -> ${DEPLOY} (assume-role, granted)`]);
    index.remove('file:///ws/prod/roles/deploy-trust.json');
    assert.deepEqual(index.graph().edges, []);
  });
});
