import { insertMember } from '../fixes/members';
import { documentAnchor, objectSyntax } from './support';
import { ALL_KINDS, DocumentRule } from './types';

export const versionMissing: DocumentRule = {
  id: 'IAM002',
  name: 'version-missing',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'The policy has no Version, so AWS reads it as 2008-10-17 and leaves policy variables unreplaced.',
  fixable: true,
  scope: 'document',
  check(document, { text }) {
    const syntax = objectSyntax(document);
    // A policy_document data source writes Version 2012-10-17 by default.
    if (document.version || !syntax) return [];
    return [
      {
        span: documentAnchor(document),
        message:
          'Policy has no Version: AWS then applies the 2008-10-17 language, where variables such as ${aws:username} are not replaced. Add "Version": "2012-10-17".',
        fixes: [
          {
            title: 'Add "Version": "2012-10-17"',
            edits: [insertMember(text, document.span, syntax, 'Version', '2012-10-17', 'first')],
            isPreferred: true,
          },
        ],
      },
    ];
  },
};
