import { replaceString } from '../fixes/members';
import { DocumentRule, Report } from './types';

export const sidInvalid: DocumentRule = {
  id: 'IAM011',
  name: 'sid-invalid',
  severity: 'error',
  // Resource policies are read by each service, several of which accept more characters.
  kinds: ['identity', 'trust', 'scp', 'rcp', 'boundary', 'session'],
  category: 'grammar',
  summary: 'A Sid holds characters IAM does not accept: only A-Z, a-z and 0-9.',
  fixable: true,
  scope: 'document',
  check(document) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      const sid = statement.sid?.value;
      if (!sid || sid.type !== 'string' || /^[A-Za-z0-9]*$/.test(sid.text)) continue;
      const cleaned = sid.text.replace(/[^A-Za-z0-9]/g, '');
      reports.push({
        span: sid.span,
        message: `Sid "${sid.text}" may only contain letters A-Z, a-z and digits 0-9.`,
        fixes: cleaned ? [{ title: `Change Sid to "${cleaned}"`, edits: [replaceString(sid, cleaned, document.syntax)], isPreferred: true }] : [],
      });
    }
    return reports;
  },
};
