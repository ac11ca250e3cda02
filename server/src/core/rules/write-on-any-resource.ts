import { Statement } from '../model';
import { effectOf } from '../policy/principals';
import { anyResourceItem, isWholeServicePattern, listSome } from './permissions-support';
import { DocumentRule, Report } from './types';

/** Reported by their own rules (pass-role-unrestricted, assume-role-any-resource). */
const OWN_RULE: ReadonlySet<string> = new Set(['iam:PassRole', 'sts:AssumeRole']);

/** Keys that limit which resources a statement reaches, so Resource "*" is deliberate (ABAC). */
const RESOURCE_SCOPING_KEY = /(^|:)ResourceTag\/|^aws:Resource(Account|OrgID|OrgPaths)$/i;

function scopesResources(statement: Statement): boolean {
  const block = statement.condition?.value;
  if (!block) return false;
  if (block.form === 'unknown') return true;
  return block.operators.some((operator) => operator.form === 'unknown' || operator.entries.some((entry) => RESOURCE_SCOPING_KEY.test(entry.key.name)));
}

export const writeOnAnyResource: DocumentRule = {
  id: 'IAM302',
  name: 'write-on-any-resource',
  severity: 'warning',
  kinds: ['identity'],
  category: 'permissions',
  summary: 'An Allow applies write or permissions-management actions that support resource-level permissions to Resource "*".',
  fixable: false,
  scope: 'document',
  check(document, { catalog }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      if (effectOf(statement, document) !== 'Allow' || !statement.action) continue;
      const star = anyResourceItem(statement);
      if (!star || scopesResources(statement)) continue;
      const names = new Set<string>();
      for (const item of statement.action.value.items) {
        if (item.type !== 'string' || isWholeServicePattern(item.text)) continue;
        // A wildcard service part (`*:Put*`) would read every service's data on each keystroke.
        if (/[*?]/.test(item.text.split(':')[0]!)) continue;
        for (const action of catalog.expand(item.text)) {
          const writes = action.accessLevels.includes('Write') || action.accessLevels.includes('Permissions management');
          if (writes && action.resourceTypes.length > 0 && !OWN_RULE.has(action.fullName)) names.add(action.fullName);
        }
      }
      if (names.size === 0) continue;
      const sorted = [...names].sort();
      const what = sorted.length === 1 ? `${sorted[0]}, a write or permissions-management action,` : `${sorted.length} write or permissions-management actions (${listSome(sorted)})`;
      reports.push({
        span: star.span,
        message: `Resource "*" applies ${what} to every resource, though ${sorted.length === 1 ? 'it' : 'they'} can be limited to specific ARNs. Name the resources.`,
      });
    }
    return reports;
  },
};
