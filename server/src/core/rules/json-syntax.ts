import { FileRule, ALL_KINDS } from './types';

export const jsonSyntax: FileRule = {
  id: 'IAM001',
  name: 'json-syntax',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'The policy is not valid JSON (comments and trailing commas included): AWS rejects it.',
  fixable: false,
  scope: 'file',
  checkFile(file) {
    const errors = [...file.syntaxErrors, ...file.documents.flatMap((document) => document.syntaxErrors)];
    return errors.map((error) => ({ span: error.span, message: error.message }));
  },
};
