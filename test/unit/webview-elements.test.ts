/** webview/src/elements.ts: the trust graph as Cytoscape elements, boxes and areas, collapsed accounts. */
import * as assert from 'node:assert/strict';
import { graphElements, initiallyCollapsed, nodeLabel } from '../../webview/src/elements';
import { ANYONE_TO_AUDIT, CI_TO_DEPLOY, FIXTURE, NODES } from './webview-fixture';

describe('webview elements', () => {
  it('puts principals in their account boxes and everything else in areas, boxes before what they hold', () => {
    const { nodes } = graphElements(FIXTURE);
    assert.deepEqual(
      nodes.map((n) => `${n.data.id}${n.data.parent ? ` in ${n.data.parent}` : ''}`),
      [
        'area:identity-center',
        'area:outside',
        'area:services',
        'account:111111111111',
        'account:222222222222',
        'account:999999999999 in area:outside',
        'anyone in area:outside',
        'service:lambda.amazonaws.com in area:services',
        'sso-group:admins in area:identity-center',
        'oidc-provider:111111111111:token.actions.githubusercontent.com in account:111111111111',
        'role:111111111111:ci in account:111111111111',
        'role:222222222222:deploy in account:222222222222',
        'role:222222222222:audit in account:222222222222',
        'role:222222222222:lambda-exec in account:222222222222',
        'permission-set:222222222222:Admin in account:222222222222',
        'role:999999999999:scanner in account:999999999999',
      ],
    );
  });

  it('labels account boxes with name, id and environment, and classes nodes by kind', () => {
    const byId = new Map(graphElements(FIXTURE).nodes.map((n) => [n.data.id, n]));
    assert.equal(byId.get('account:222222222222')!.data.label, 'prod (222222222222)\nenvironment: prod');
    assert.equal(byId.get('account:222222222222')!.classes, 'kind-account account-box container env-prod');
    assert.equal(byId.get('account:999999999999')!.classes, 'kind-external-account account-box container');
    assert.equal(byId.get('area:outside')!.data.label, 'Outside the organisation');
    assert.equal(byId.get('area:outside')!.classes, 'area container');
    assert.equal(byId.get('role:222222222222:deploy')!.classes, 'kind-role admin');
    assert.equal(byId.get('anyone')!.classes, 'kind-anyone');
    assert.equal(nodeLabel({ id: 'account:tf:x', kind: 'account', label: 'sandbox' }), 'sandbox');
    assert.equal(nodeLabel({ id: 'account:1', kind: 'account', label: 'shared', accountId: '123456789012' }), 'shared (123456789012)');
  });

  it('classes edges by risk, kind, conditions and basis', () => {
    const byId = new Map(graphElements(FIXTURE).edges.map((e) => [e.data.id, e]));
    assert.equal(byId.get(CI_TO_DEPLOY.id)!.classes, 'risk-high kind-assume-role');
    assert.equal(byId.get(ANYONE_TO_AUDIT.id)!.classes, 'risk-medium kind-assume-role conditional trust-only');
    assert.deepEqual(byId.get(CI_TO_DEPLOY.id)!.data, {
      id: CI_TO_DEPLOY.id,
      source: 'role:111111111111:ci',
      target: 'role:222222222222:deploy',
      risk: 'high',
      kinds: ['assume-role'],
      members: [CI_TO_DEPLOY.id],
      label: '',
    });
  });

  it('draws a collapsed account as one summary node, its edges merged and its inner edges counted', () => {
    const { nodes, edges } = graphElements(FIXTURE, new Set(['account:222222222222']));
    const summary = nodes.find((n) => n.data.id === 'account:222222222222')!;
    assert.equal(summary.data.kind, 'summary');
    assert.equal(summary.classes, 'kind-account collapsed env-prod');
    assert.equal(summary.data.label, 'prod (222222222222)\nenvironment: prod\n3 roles · 1 permission set · 1 inner edge\n(collapsed: click to expand)');
    assert.deepEqual(summary.data.members, [
      'account:222222222222',
      'role:222222222222:deploy',
      'role:222222222222:audit',
      'role:222222222222:lambda-exec',
      'permission-set:222222222222:Admin',
    ]);
    assert.equal(nodes.filter((n) => n.data.parent === 'account:222222222222').length, 0);
    assert.deepEqual(
      edges.map((e) => `${e.data.id} ${e.data.risk} [${e.data.members.length}] ${e.classes}`),
      [
        'oidc-provider:111111111111:token.actions.githubusercontent.com->role:111111111111:ci:web-identity none [1] risk-none kind-web-identity conditional',
        'summary:role:111111111111:ci->account:222222222222 high [1] risk-high kind-assume-role summary',
        'summary:anyone->account:222222222222 medium [1] risk-medium kind-assume-role conditional trust-only summary',
        'summary:role:999999999999:scanner->account:222222222222 low [1] risk-low kind-assume-role trust-only summary',
        'summary:service:lambda.amazonaws.com->account:222222222222 none [1] risk-none kind-assume-role summary',
        'summary:sso-group:admins->account:222222222222 none [1] risk-none kind-sso-assignment summary',
      ],
    );
  });

  it('merges the edges between two collapsed accounts into one, with the highest risk and a count', () => {
    const { edges } = graphElements(FIXTURE, new Set(['account:222222222222', 'account:111111111111', 'account:999999999999']));
    const merged = edges.find((e) => e.data.id === 'summary:account:111111111111->account:222222222222')!;
    assert.equal(merged.data.risk, 'high');
    assert.equal(merged.data.label, '');
    const twoEdges = graphElements(
      { ...FIXTURE, edges: [...FIXTURE.edges, { ...CI_TO_DEPLOY, id: 'second', to: 'role:222222222222:audit', risk: 'low' }] },
      new Set(['account:222222222222', 'account:111111111111']),
    ).edges.find((e) => e.data.id === 'summary:account:111111111111->account:222222222222')!;
    assert.deepEqual(twoEdges.data.members, [CI_TO_DEPLOY.id, 'second']);
    assert.equal(twoEdges.data.label, '2');
    assert.equal(twoEdges.data.risk, 'high');
  });

  it('starts with every account collapsed only above the element threshold', () => {
    const elements = NODES.length + FIXTURE.edges.length;
    assert.equal(elements, 20);
    assert.deepEqual([...initiallyCollapsed(FIXTURE, 20)], []);
    assert.deepEqual([...initiallyCollapsed(FIXTURE, 19)].sort(), ['account:111111111111', 'account:222222222222', 'account:999999999999']);
    assert.deepEqual([...initiallyCollapsed(FIXTURE)], []);
  });
});
