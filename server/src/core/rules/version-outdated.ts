import { replaceString } from '../fixes/members';
import { ALL_KINDS, DocumentRule } from './types';

export const versionOutdated: DocumentRule = {
  id: 'IAM004',
  name: 'version-outdated',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'The Version is the outdated 2008-10-17, which lacks policy variables and newer features.',
  fixable: true,
  scope: 'document',
  check(document) {
    const version = document.version?.value;
    if (!version || version.type !== 'string' || version.text !== '2008-10-17') return [];
    return [
      {
        span: version.span,
        message:
          'Version "2008-10-17" is the outdated policy language: policy variables such as ${aws:username} are not replaced. Use "2012-10-17".',
        fixes: [{ title: 'Change Version to "2012-10-17"', edits: [replaceString(version, '2012-10-17', document.syntax)], isPreferred: true }],
      },
    ];
  },
};
