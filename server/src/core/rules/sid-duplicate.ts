import { Member, Scalar } from '../model';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const sidDuplicate: DocumentRule = {
  id: 'IAM010',
  name: 'sid-duplicate',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'Two statements of one policy have the same Sid.',
  fixable: false,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    const seen = new Map<string, Member<Scalar>>();
    for (const statement of document.statements) {
      const sid = statement.sid;
      if (!sid || sid.value.type !== 'string' || sid.value.text === '') continue;
      const first = seen.get(sid.value.text);
      if (!first) {
        seen.set(sid.value.text, sid);
        continue;
      }
      reports.push({
        span: sid.value.span,
        message: `Sid "${sid.value.text}" is already used by another statement: each Sid must be unique in a policy.`,
        related: [{ span: first.value.span, message: `"${sid.value.text}" first used here` }],
      });
    }
    return reports;
  },
};
