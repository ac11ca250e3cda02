import { conditionKeyCandidates, lookupConditionKey } from '../catalog/condition-keys';
import { renameKey } from '../fixes/members';
import { didYouMean } from '../text/suggest';
import { conditionEntries, didYouMeanHint } from './catalog-support';
import { ALL_KINDS, DocumentRule, Report } from './types';

export const unknownConditionKey: DocumentRule = {
  id: 'IAM104',
  name: 'unknown-condition-key',
  severity: 'warning',
  kinds: ALL_KINDS,
  category: 'catalog',
  summary: 'A condition key that is neither a global key nor a key of a service, such as "aws:SourceIP4".',
  fixable: true,
  scope: 'document',
  check(document, { catalog, text }) {
    const reports: Report[] = [];
    for (const statement of document.statements) {
      for (const { entry } of conditionEntries(statement)) {
        const key = entry.key;
        const found = lookupConditionKey(catalog, key.name);
        if (found.status !== 'unknown') continue;
        if (found.reason === 'unknown-prefix') {
          reports.push({
            span: key.span,
            message: `Condition key "${key.name}" has an unknown prefix: use a global key (aws:…), a service key (s3:…) or an identity provider key. An unknown key is absent from every request.`,
          });
          continue;
        }
        const candidates = didYouMean(key.name, conditionKeyCandidates(catalog, found.prefix));
        const owner = found.prefix.toLowerCase() === 'aws' ? 'AWS has no global key of that name' : `${catalog.serviceName(found.prefix)} has no such key`;
        reports.push({
          span: key.span,
          message: `Unknown condition key "${key.name}": ${owner}, so it is absent from every request.${didYouMeanHint(candidates, 'Hover the statement\'s actions to see their keys.')}`,
          fixes: candidates.map((candidate, index) => ({
            title: `Change to "${candidate}"`,
            edits: [renameKey(text, key, candidate)],
            isPreferred: index === 0,
          })),
        });
      }
    }
    return reports;
  },
};
