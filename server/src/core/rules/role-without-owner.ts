import { DEFAULT_OWNER_TAG } from '../governance/config';
import {
  blockAt,
  defaultTagKeys,
  describeResource,
  filesByFolder,
  folderOfPath,
  providerAlias,
  resourceAnchor,
  tagKeys,
} from '../governance/terraform-resources';
import { attributeOf } from '../parse/terraform-syntax';
import { WorkspaceReport, WorkspaceRule } from './types';

export const roleWithoutOwner: WorkspaceRule = {
  id: 'IAM504',
  name: 'role-without-owner',
  severity: 'info',
  kinds: [],
  category: 'governance',
  summary: 'A role created in Terraform has no owner tag (governance.ownerTag, "owner" by default) in its tags or its provider\'s default_tags; checked when iam-atlas.json has a governance section.',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    // An owner tag is a house convention: checked once the workspace states its conventions.
    const governance = workspace.config.governance;
    if (!governance) return [];
    const ownerTag = governance.ownerTag ?? DEFAULT_OWNER_TAG;
    const wanted = ownerTag.toLowerCase();
    const folders = filesByFolder(workspace);
    const reports: WorkspaceReport[] = [];
    for (const role of workspace.facts.flatMap((file) => file.roles)) {
      const found = blockAt(workspace, role.uri, role.span);
      if (!found) continue;
      const { block } = found;
      const tags = attributeOf(block, 'tags');
      const own = tagKeys(tags?.value);
      const folder = folderOfPath(workspace.file(role.uri)?.relativePath ?? '');
      const defaults = defaultTagKeys(folders.get(folder) ?? [], providerAlias(block));
      // Tags only Terraform can compute may hold the owner: not reported.
      if (own === 'unknown' || defaults === 'unknown') continue;
      if ([...own, ...defaults].some((key) => key.toLowerCase() === wanted)) continue;
      reports.push({
        uri: role.uri,
        span: tags ? tags.nameSpan : resourceAnchor(block),
        message: tags
          ? `Role ${describeResource(block)} has tags but no "${ownerTag}" tag: an access review cannot tell who answers for it. Add ${hclKey(ownerTag)} = "<team or person>" to its tags.`
          : `Role ${describeResource(block)} has no "${ownerTag}" tag: an access review cannot tell who answers for it. Add tags = { ${hclKey(ownerTag)} = "<team or person>" }, or set it in the provider's default_tags.`,
      });
    }
    return reports;
  },
};

/** A tag key as HCL writes it in an object: bare when it is an identifier, else quoted. */
function hclKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}
