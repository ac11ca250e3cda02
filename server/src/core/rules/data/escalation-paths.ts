/**
 * Privilege-escalation paths: sets of actions that, allowed together, let a principal gain the
 * permissions of another principal or of an administrator. The facts are the published action
 * combinations (Rhino Security Labs' 2018 list and the pathfinding.cloud catalogue, whose ids are
 * kept for reference); the wording is ours.
 */
export interface EscalationPath {
  /** The pathfinding.cloud id, e.g. `iam-001`. */
  readonly id: string;
  /** Every action the path needs. */
  readonly actions: readonly string[];
  /** What a holder of these actions can do, in a few words. */
  readonly how: string;
}

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  // Rewriting policies
  { id: 'iam-001', actions: ['iam:CreatePolicyVersion'], how: 'write a new default version of a managed policy it is attached to' },
  { id: 'iam-002', actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a managed policy to an older, broader version' },
  { id: 'iam-007', actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to a user, itself included' },
  { id: 'iam-008', actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to a group it is in' },
  { id: 'iam-009', actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to a role it can use' },
  { id: 'iam-010', actions: ['iam:PutUserPolicy'], how: 'write an inline administrator policy on a user, itself included' },
  { id: 'iam-011', actions: ['iam:PutGroupPolicy'], how: 'write an inline administrator policy on a group it is in' },
  { id: 'iam-012', actions: ['iam:PutRolePolicy'], how: 'write an inline administrator policy on a role it can use' },
  // Taking over other principals
  { id: 'iam-004', actions: ['iam:CreateAccessKey'], how: 'create access keys for another user' },
  { id: 'iam-005', actions: ['iam:CreateLoginProfile'], how: 'set a console password for a user that has none' },
  { id: 'iam-006', actions: ['iam:UpdateLoginProfile'], how: "change another user's console password" },
  { id: 'iam-013', actions: ['iam:AddUserToGroup'], how: 'add itself to a privileged group' },
  { id: 'iam-014', actions: ['iam:UpdateAssumeRolePolicy'], how: 'rewrite a role trust policy to let itself assume the role' },
  { id: 'iam-015', actions: ['iam:CreateUser', 'iam:CreateAccessKey'], how: 'create a user and keys for it' },
  { id: 'iam-016', actions: ['iam:CreateUser', 'iam:AddUserToGroup'], how: 'create a user in a privileged group' },
  { id: 'iam-017', actions: ['iam:CreateUser', 'iam:AttachUserPolicy'], how: 'create a user with AdministratorAccess' },
  { id: 'iam-018', actions: ['iam:CreateUser', 'iam:PutUserPolicy'], how: 'create a user with an inline administrator policy' },
  // Passing a role to new compute
  { id: 'ec2-001', actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'start an EC2 instance with a privileged role and read its credentials' },
  { id: 'ec2-003', actions: ['iam:PassRole', 'ec2:RequestSpotInstances'], how: 'start a spot instance with a privileged role' },
  { id: 'lambda-001', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], how: 'create and run a Lambda function with a privileged role' },
  { id: 'lambda-002', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'], how: 'create a Lambda function with a privileged role and trigger it from an event source' },
  { id: 'lambda-006', actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'], how: 'create a Lambda function with a privileged role and allow itself to invoke it' },
  { id: 'glue-001', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'create a Glue development endpoint with a privileged role' },
  { id: 'cloudformation-001', actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'create a CloudFormation stack that acts with a privileged role' },
  { id: 'cloudformation-003', actions: ['iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'], how: 'deploy a stack set that acts with a privileged role' },
  { id: 'cloudformation-004', actions: ['iam:PassRole', 'cloudformation:UpdateStackSet'], how: 'change a stack set to act with a privileged role' },
  { id: 'datapipeline-001', actions: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition', 'datapipeline:ActivatePipeline'], how: 'run a Data Pipeline with a privileged role' },
  { id: 'codebuild-001', actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'], how: 'run a CodeBuild project with a privileged role' },
  { id: 'codebuild-004', actions: ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuildBatch'], how: 'run a CodeBuild batch with a privileged role' },
  { id: 'ecs-001', actions: ['iam:PassRole', 'ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'], how: 'run an ECS service with a privileged task role on a new cluster' },
  { id: 'ecs-002', actions: ['iam:PassRole', 'ecs:CreateCluster', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'], how: 'run an ECS task with a privileged task role on a new cluster' },
  { id: 'ecs-003', actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'], how: 'run an ECS service with a privileged task role' },
  { id: 'ecs-004', actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'], how: 'run an ECS task with a privileged task role' },
  { id: 'ecs-005', actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:StartTask'], how: 'start an ECS task with a privileged task role' },
  { id: 'sagemaker-001', actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'], how: 'create a SageMaker notebook with a privileged role' },
  { id: 'sagemaker-002', actions: ['iam:PassRole', 'sagemaker:CreateTrainingJob'], how: 'run a SageMaker training job with a privileged role' },
  { id: 'sagemaker-003', actions: ['iam:PassRole', 'sagemaker:CreateProcessingJob'], how: 'run a SageMaker processing job with a privileged role' },
  { id: 'apprunner-001', actions: ['iam:PassRole', 'apprunner:CreateService'], how: 'run an App Runner service with a privileged role' },
  // Taking over compute that already has a role
  { id: 'lambda-003', actions: ['lambda:UpdateFunctionCode'], how: "replace the code of a Lambda function that has a privileged role" },
  { id: 'glue-002', actions: ['glue:UpdateDevEndpoint'], how: 'add its SSH key to a Glue development endpoint with a privileged role' },
  { id: 'cloudformation-002', actions: ['cloudformation:UpdateStack'], how: 'change a stack that acts with a privileged service role' },
  { id: 'cloudformation-005', actions: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'], how: 'change a stack that acts with a privileged service role' },
  { id: 'codebuild-002', actions: ['codebuild:StartBuild'], how: 'override the buildspec of a CodeBuild project with a privileged role' },
  { id: 'codebuild-003', actions: ['codebuild:StartBuildBatch'], how: 'override the buildspec of a CodeBuild project with a privileged role' },
  { id: 'ec2-002', actions: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'], how: 'rewrite the user data of an instance with a privileged role and restart it' },
  { id: 'ec2-004', actions: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'], how: 'change a launch template that starts instances with a privileged role' },
  { id: 'ec2instanceconnect-003', actions: ['ec2-instance-connect:SendSSHPublicKey'], how: 'log in to an instance with a privileged role' },
  { id: 'ssm-001', actions: ['ssm:StartSession'], how: 'open a shell on an instance with a privileged role' },
  { id: 'ssm-002', actions: ['ssm:SendCommand'], how: 'run commands on an instance with a privileged role' },
  { id: 'sagemaker-004', actions: ['sagemaker:CreatePresignedNotebookInstanceUrl'], how: 'open a SageMaker notebook that has a privileged role' },
  {
    id: 'sagemaker-005',
    actions: ['sagemaker:CreateNotebookInstanceLifecycleConfig', 'sagemaker:StopNotebookInstance', 'sagemaker:UpdateNotebookInstance', 'sagemaker:StartNotebookInstance'],
    how: 'inject a start-up script into a SageMaker notebook with a privileged role',
  },
  { id: 'apprunner-002', actions: ['apprunner:UpdateService'], how: 'change an App Runner service that has a privileged role' },
];
