import { NamedResource } from '../governance/config';
import { NamingPattern, compileNamingPattern } from '../governance/naming';
import { resourceAnchor, resourcesOf } from '../governance/terraform-resources';
import { isTerraformFile } from '../parse/terraform';
import { attributeOf } from '../parse/terraform-syntax';
import { FileRule, Report } from './types';

const RESOURCES: readonly { type: string; resource: NamedResource; label: string; generated: boolean }[] = [
  { type: 'aws_iam_role', resource: 'role', label: 'Role', generated: true },
  { type: 'aws_iam_policy', resource: 'policy', label: 'Policy', generated: true },
  { type: 'aws_ssoadmin_permission_set', resource: 'permissionSet', label: 'Permission set', generated: false },
];

export const namingConvention: FileRule = {
  id: 'IAM503',
  name: 'naming-convention',
  severity: 'warning',
  kinds: [],
  category: 'governance',
  summary: 'A role, policy or permission set name does not follow the naming convention of governance.naming in iam-atlas.json.',
  fixable: false,
  scope: 'file',
  readsEveryFile: true,
  checkFile(file, context) {
    const naming = context.config.governance?.naming;
    if (!naming || !isTerraformFile(file)) return [];
    const reports: Report[] = [];
    for (const { type, resource, label, generated } of RESOURCES) {
      const source = naming[resource];
      if (!source) continue;
      const pattern = compileNamingPattern(source, naming.values);
      for (const block of resourcesOf(file, type)) {
        const name = attributeOf(block, 'name')?.value;
        if (!name) {
          // Without name (or name_prefix), Terraform makes one up.
          if (generated && !attributeOf(block, 'name_prefix')) {
            reports.push({
              span: resourceAnchor(block),
              message: `${label} ${type}.${block.labels[1]!.value} has no name, so Terraform generates one that does not follow the naming convention ${pattern.shape}. Set name${suggestion(pattern)}.`,
            });
          }
          continue;
        }
        // A name built from variables or other resources is known only to Terraform: never reported.
        if (name.kind !== 'string' || pattern.test(name.value)) continue;
        reports.push({
          span: name.span,
          message: `${label} name "${name.value}" does not follow the naming convention ${pattern.shape}. Rename it${suggestion(pattern)}.`,
        });
      }
    }
    return reports;
  },
};

function suggestion(pattern: NamingPattern): string {
  return pattern.example ? ` to the shape of "${pattern.example}"` : ' to match it';
}
