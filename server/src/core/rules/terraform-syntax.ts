import { isTerraformFile } from '../parse/terraform';
import { ALL_KINDS, FileRule } from './types';

export const terraformSyntax: FileRule = {
  id: 'IAM016',
  name: 'terraform-syntax',
  severity: 'error',
  kinds: ALL_KINDS,
  category: 'grammar',
  summary: 'Terraform cannot read a block that holds a policy (an unterminated string, a missing brace): its policies are not checked until it is fixed.',
  fixable: false,
  scope: 'file',
  checkFile(file) {
    if (!isTerraformFile(file)) return [];
    return file.hclProblems.map((problem) => ({ span: problem.span, message: problem.message }));
  },
};
