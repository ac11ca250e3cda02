import { GuardrailStatus, describesOrganisation, guardrailStatuses } from '../governance/guardrails';
import { WorkspaceContext } from './workspace-context';
import { WorkspaceReport, WorkspaceRule } from './types';

export const scpGuardrailMissing: WorkspaceRule = {
  id: 'IAM510',
  name: 'scp-guardrail-missing',
  severity: 'info',
  kinds: ['scp'],
  category: 'governance',
  summary:
    'No attached SCP of the organisation denies leaving the organisation, root-user actions, IAM user and access-key creation, or disabling CloudTrail (one finding each, for the workspace as a whole).',
  fixable: false,
  scope: 'workspace',
  checkWorkspace(workspace) {
    if (!describesOrganisation(workspace)) return [];
    return guardrailStatuses(workspace)
      .filter((status) => !status.present)
      .map((status): WorkspaceReport => ({ message: missingMessage(status, workspace) }));
  },
};

function missingMessage(status: GuardrailStatus, workspace: WorkspaceContext): string {
  const { guardrail, missingActions } = status;
  const partial = guardrail.actions.length > 1 && missingActions.length < guardrail.actions.length;
  const what = guardrail.actions.length === 0 ? 'actions by the root user of member accounts' : missingActions.join(' and ');
  const unattached = status.unattached.map((place) => workspace.file(place.uri)?.relativePath ?? place.uri);
  return [
    `No SCP denies ${what} (guardrail: ${guardrail.title}${partial ? `; ${guardrail.actions.filter((a) => !missingActions.includes(a)).join(' and ')} is denied` : ''}): ${guardrail.advice}`,
    unattached.length ? ` The SCP in ${unattached.join(', ')} would, but it is attached to nothing.` : '',
  ].join('');
}
