import { replaceString } from '../fixes/members';
import { ALL_KINDS, DocumentRule } from './types';

export const versionInvalid: DocumentRule = {
  id: 'IAM003',
  name: 'version-invalid',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'The Version is not a policy language version ("2012-10-17" or "2008-10-17").',
  fixable: true,
  scope: 'document',
  check(document) {
    const version = document.version?.value;
    if (!version || version.type !== 'string') return [];
    if (version.text === '2012-10-17' || version.text === '2008-10-17') return [];
    return [
      {
        span: version.span,
        message: `"${version.text}" is not a policy language version: use "2012-10-17" (Version is the language version, not the date you wrote the policy).`,
        fixes: [{ title: 'Change Version to "2012-10-17"', edits: [replaceString(version, '2012-10-17', document.syntax)], isPreferred: true }],
      },
    ];
  },
};
