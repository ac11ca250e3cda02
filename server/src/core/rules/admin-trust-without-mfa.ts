import { describeAccount, terraformAccountNames } from '../governance/accounts';
import { isAdminNode } from '../governance/callers';
import { effectOfStatement } from '../governance/statements';
import { listAnd } from '../governance/words';
import { folderOfPath } from '../governance/terraform-resources';
import { coversAction } from '../graph/evaluate';
import { readReference } from '../graph/references';
import { PolicyDocument, Scalar, Statement } from '../model';
import { conditionsOnKey, conditionsUnreadable } from '../policy/conditions';
import { readAwsPrincipal } from '../policy/principals';
import { WorkspaceReport, WorkspaceRule } from './types';

export const adminTrustWithoutMfa: WorkspaceRule = {
  id: 'IAM507',
  name: 'admin-trust-without-mfa',
  severity: 'warning',
  kinds: ['trust'],
  category: 'governance',
  summary: 'The trust policy of an admin-equivalent role lets IAM users (named, or through their account\'s root) assume it without an aws:MultiFactorAuthPresent condition.',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    const reports: WorkspaceReport[] = [];
    const names = terraformAccountNames(workspace.facts);
    const label = (accountId: string): string => describeAccount(accountId, workspace.config, names);
    for (const principal of workspace.principals.principals()) {
      const trust = principal.role?.trust;
      if (principal.kind !== 'role' || !trust || !isAdminNode(workspace.queries.node(principal.nodeId))) continue;
      if (trust.statements.some((statement) => deniesWithoutMfa(trust, statement))) continue;
      const folder = folderOfPath(workspace.file(trust.uri)?.relativePath ?? '');
      for (const statement of trust.statements) {
        if (effectOfStatement(trust, statement) !== 'Allow' || coversAction(statement, 'sts:AssumeRole') === 'no') continue;
        if (conditionsUnreadable(statement)) continue;
        const mfa = requiresMfa(statement);
        if (mfa !== 'no') continue;
        const callers = userCallers(statement, folder, principal.accountId, label);
        if (callers.length === 0) continue;
        reports.push({
          uri: trust.uri,
          span: callers[0]!.scalar.span,
          message: `Role ${principal.name ? `"${principal.name}"` : principal.nodeId} is admin-equivalent, and this statement lets ${listAnd(callers.map((c) => c.description))} assume it without MFA. Add a condition "Bool": { "aws:MultiFactorAuthPresent": "true" }.`,
        });
      }
    }
    return reports;
  },
};

interface UserCaller {
  readonly scalar: Scalar;
  readonly description: string;
}

/** The principals of a statement that are IAM users, or accounts (whose root delegates to their IAM users). */
function userCallers(statement: Statement, folder: string, roleAccount: string | undefined, label: (accountId: string) => string): UserCaller[] {
  const callers: UserCaller[] = [];
  for (const entry of statement.principal?.value.entries ?? []) {
    if (entry.key.name !== 'AWS') continue;
    for (const scalar of entry.value.items) {
      if (scalar.type === 'string') {
        const named = readAwsPrincipal(scalar.text);
        if (named.kind === 'account') callers.push({ scalar, description: `the IAM users of account ${label(named.accountId)}` });
        else if (named.kind === 'principal' && named.type === 'user') callers.push({ scalar, description: `the IAM user ${named.arn}` });
      } else if (scalar.type === 'unknown') {
        const target = readReference(scalar.text, folder, roleAccount);
        if (target?.kind === 'account') callers.push({ scalar, description: `the IAM users of account ${label(target.account)}` });
        else if (target?.kind === 'principal' && target.principalKind === 'user') callers.push({ scalar, description: `the IAM user ${scalar.text}` });
        else if (target?.kind === 'named-principal' && target.principalKind === 'user') callers.push({ scalar, description: `the IAM user ${target.name}` });
      }
    }
  }
  return callers;
}

/** `yes` when a Bool condition requires MFA (or a NumericLessThan one bounds its age), `unknown` when its value is an expression. */
function requiresMfa(statement: Statement): 'yes' | 'no' | 'unknown' {
  const present = conditionsOnKey(statement, 'aws:MultiFactorAuthPresent').filter((c) => c.parsed.base.toLowerCase() === 'bool' && !c.parsed.ifExists);
  const age = conditionsOnKey(statement, 'aws:MultiFactorAuthAge').filter((c) => /^numericlessthan(equals)?$/i.test(c.parsed.base) && !c.parsed.ifExists);
  if (present.some((c) => c.values.some((v) => v.text.toLowerCase() === 'true')) || age.some((c) => c.values.length > 0)) return 'yes';
  if ([...present, ...age].some((c) => c.unknown)) return 'unknown';
  return 'no';
}

/** A Deny of sts:AssumeRole when MFA is absent (`BoolIfExists aws:MultiFactorAuthPresent false`) covers every statement. */
function deniesWithoutMfa(document: PolicyDocument, statement: Statement): boolean {
  if (effectOfStatement(document, statement) !== 'Deny' || coversAction(statement, 'sts:AssumeRole') === 'no') return false;
  return conditionsOnKey(statement, 'aws:MultiFactorAuthPresent').some(
    (c) => c.parsed.base.toLowerCase() === 'bool' && c.values.some((v) => v.text.toLowerCase() === 'false'),
  );
}
