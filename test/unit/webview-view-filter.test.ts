/** webview/src/view-filter.ts: what filters hide, what search keeps, what a focus fades, per element. */
import * as assert from 'node:assert/strict';
import { graphElements } from '../../webview/src/elements';
import { GraphFilter, NO_FILTER, elementVisibility, visibility } from '../../webview/src/view-filter';
import { ADMINS_TO_ADMIN, ANYONE_TO_AUDIT, AUDIT_TO_DEPLOY, CI_TO_DEPLOY, FIXTURE, LAMBDA_TO_EXEC, OIDC_TO_CI, SCANNER_TO_AUDIT } from './webview-fixture';

const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();
const view = (filter: Partial<GraphFilter>) => visibility(FIXTURE, { ...NO_FILTER, ...filter });

describe('webview filters, search and focus', () => {
  it('shows everything with no filter', () => {
    const v = view({});
    assert.deepEqual([v.hiddenNodes.size, v.hiddenEdges.size, v.faded.size, v.matches.size], [0, 0, 0, 0]);
  });

  it('hides edges by risk level and by kind, and nothing else', () => {
    assert.deepEqual(sorted(view({ hiddenRisks: ['medium'] }).hiddenEdges), [ANYONE_TO_AUDIT.id]);
    assert.deepEqual(sorted(view({ hiddenRisks: ['none', 'low'] }).hiddenEdges), sorted(new Set([OIDC_TO_CI.id, LAMBDA_TO_EXEC.id, ADMINS_TO_ADMIN.id, SCANNER_TO_AUDIT.id, AUDIT_TO_DEPLOY.id])));
    assert.deepEqual(sorted(view({ hiddenKinds: ['web-identity', 'sso-assignment'] }).hiddenEdges), sorted(new Set([OIDC_TO_CI.id, ADMINS_TO_ADMIN.id])));
    assert.equal(view({ hiddenKinds: ['web-identity'] }).hiddenNodes.size, 0);
  });

  it('hides the accounts of an environment, or one account, with what they hold and their edges', () => {
    const prod = view({ hiddenEnvironments: ['prod'] });
    assert.deepEqual(sorted(prod.hiddenNodes), [
      'account:222222222222',
      'permission-set:222222222222:Admin',
      'role:222222222222:audit',
      'role:222222222222:deploy',
      'role:222222222222:lambda-exec',
    ]);
    assert.deepEqual(sorted(prod.hiddenEdges), sorted(new Set([CI_TO_DEPLOY.id, ANYONE_TO_AUDIT.id, SCANNER_TO_AUDIT.id, LAMBDA_TO_EXEC.id, ADMINS_TO_ADMIN.id, AUDIT_TO_DEPLOY.id])));
    const vendor = view({ hiddenAccounts: ['account:999999999999'] });
    assert.deepEqual(sorted(vendor.hiddenNodes), ['account:999999999999', 'role:999999999999:scanner']);
    assert.deepEqual(sorted(vendor.hiddenEdges), [SCANNER_TO_AUDIT.id]);
  });

  it('keeps only paths through a medium or high edge: the edges before and after it too', () => {
    const risky = view({ onlyRisky: true });
    // ci -> deploy (high) with oidc -> ci before it; anyone -> audit (medium) with audit -> deploy after it.
    assert.deepEqual(sorted(new Set(FIXTURE.edges.map((e) => e.id).filter((id) => !risky.hiddenEdges.has(id)))), sorted(new Set([OIDC_TO_CI.id, CI_TO_DEPLOY.id, ANYONE_TO_AUDIT.id, AUDIT_TO_DEPLOY.id])));
    assert.deepEqual(sorted(risky.hiddenNodes), [
      'account:999999999999',
      'permission-set:222222222222:Admin',
      'role:222222222222:lambda-exec',
      'role:999999999999:scanner',
      'service:lambda.amazonaws.com',
      'sso-group:admins',
    ]);
  });

  it('searches names and ARNs, keeping the matches, their edges and the nodes at the other ends', () => {
    const byName = view({ search: 'DEPLOY' });
    assert.deepEqual(sorted(byName.matches), ['role:222222222222:deploy']);
    assert.deepEqual(sorted(new Set(FIXTURE.edges.map((e) => e.id).filter((id) => !byName.hiddenEdges.has(id)))), sorted(new Set([CI_TO_DEPLOY.id, AUDIT_TO_DEPLOY.id])));
    const shown = FIXTURE.nodes.map((n) => n.id).filter((id) => !byName.hiddenNodes.has(id));
    assert.deepEqual(shown, ['account:111111111111', 'account:222222222222', 'role:111111111111:ci', 'role:222222222222:deploy', 'role:222222222222:audit']);
    assert.deepEqual(sorted(view({ search: 'arn:aws:iam::111111111111:role/ci' }).matches), ['role:111111111111:ci']);
    assert.equal(view({ search: 'no-such-thing' }).hiddenNodes.size, FIXTURE.nodes.length);
  });

  it('fades everything that is not on a path into the focused role (whoCanReach)', () => {
    const focus = view({ focus: 'role:222222222222:deploy' });
    assert.deepEqual(sorted(new Set(FIXTURE.nodes.map((n) => n.id).filter((id) => !focus.faded.has(id)))), [
      'anyone',
      'oidc-provider:111111111111:token.actions.githubusercontent.com',
      'role:111111111111:ci',
      'role:222222222222:audit',
      'role:222222222222:deploy',
      'role:999999999999:scanner',
    ]);
    assert.deepEqual(sorted(new Set(FIXTURE.edges.map((e) => e.id).filter((id) => focus.faded.has(id)))), sorted(new Set([LAMBDA_TO_EXEC.id, ADMINS_TO_ADMIN.id])));
    assert.equal(view({ focus: 'role:nowhere' }).faded.size, 0);
  });

  it('maps the answer onto elements: boxes holding something lit stay lit, empty boxes hide', () => {
    const elements = graphElements(FIXTURE);
    const focused = elementVisibility(elements, view({ focus: 'role:222222222222:deploy' }));
    assert.equal(focused.faded.has('account:222222222222'), false, 'prod holds deploy');
    assert.equal(focused.faded.has('area:services'), true, 'the services area holds only lambda, faded');
    assert.equal(focused.faded.has('role:222222222222:lambda-exec'), true);
    const risky = elementVisibility(elements, view({ onlyRisky: true }));
    assert.deepEqual(sorted(risky.hidden).filter((id) => id.startsWith('area:') || id.startsWith('account:')), ['account:999999999999', 'area:identity-center', 'area:services']);
    const searched = elementVisibility(elements, view({ search: 'scanner' }));
    assert.deepEqual(sorted(searched.matched), ['role:999999999999:scanner']);
  });

  it('hides a merged edge only when every edge it stands for is hidden', () => {
    const twoToProd = { ...FIXTURE, edges: [...FIXTURE.edges, { ...CI_TO_DEPLOY, id: 'second', to: 'role:222222222222:audit', risk: 'low' as const }] };
    const elements = graphElements(twoToProd, new Set(['account:111111111111', 'account:222222222222']));
    const merged = 'summary:account:111111111111->account:222222222222';
    assert.equal(elementVisibility(elements, visibility(twoToProd, { ...NO_FILTER, hiddenRisks: ['high'] })).hidden.has(merged), false);
    assert.equal(elementVisibility(elements, visibility(twoToProd, { ...NO_FILTER, hiddenRisks: ['high', 'low'] })).hidden.has(merged), true);
  });
});
