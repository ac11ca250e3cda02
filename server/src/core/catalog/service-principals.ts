/**
 * Service principals people put in trust and resource policies most often, for completion and hover.
 * Not every service principal AWS has: a principal missing here is not wrong.
 */

export interface ServicePrincipal {
  readonly name: string;
  /** Who uses it, in a few words. */
  readonly description: string;
}

type Row = readonly [name: string, description: string];

const ROWS: readonly Row[] = [
  ['lambda.amazonaws.com', 'AWS Lambda: the execution role of a function.'],
  ['edgelambda.amazonaws.com', 'Lambda@Edge: functions run by CloudFront.'],
  ['ec2.amazonaws.com', 'Amazon EC2: the role of an instance profile.'],
  ['ecs-tasks.amazonaws.com', 'Amazon ECS: task roles and task execution roles.'],
  ['ecs.amazonaws.com', 'Amazon ECS: the service itself (service-linked and legacy service roles).'],
  ['eks.amazonaws.com', 'Amazon EKS: the cluster role.'],
  ['pods.eks.amazonaws.com', 'EKS Pod Identity: roles for Kubernetes service accounts.'],
  ['eks-fargate-pods.amazonaws.com', 'Amazon EKS on Fargate: the pod execution role.'],
  ['states.amazonaws.com', 'AWS Step Functions: the state machine role.'],
  ['events.amazonaws.com', 'Amazon EventBridge: rules that call targets.'],
  ['scheduler.amazonaws.com', 'Amazon EventBridge Scheduler: schedules that call targets.'],
  ['pipes.amazonaws.com', 'Amazon EventBridge Pipes.'],
  ['apigateway.amazonaws.com', 'Amazon API Gateway: integrations and CloudWatch logging.'],
  ['sns.amazonaws.com', 'Amazon SNS: delivery to subscriptions and status logging.'],
  ['sqs.amazonaws.com', 'Amazon SQS.'],
  ['s3.amazonaws.com', 'Amazon S3: event notifications, replication, inventory and access logs.'],
  ['cloudformation.amazonaws.com', 'AWS CloudFormation: a stack\'s service role.'],
  ['codebuild.amazonaws.com', 'AWS CodeBuild: the project\'s service role.'],
  ['codepipeline.amazonaws.com', 'AWS CodePipeline: the pipeline\'s service role.'],
  ['codedeploy.amazonaws.com', 'AWS CodeDeploy: the deployment group\'s service role.'],
  ['cloudtrail.amazonaws.com', 'AWS CloudTrail: writing trails to S3 and CloudWatch Logs.'],
  ['config.amazonaws.com', 'AWS Config: the configuration recorder.'],
  ['logs.amazonaws.com', 'Amazon CloudWatch Logs (regional forms `logs.<region>.amazonaws.com` exist too).'],
  ['delivery.logs.amazonaws.com', 'CloudWatch vended logs delivered to S3 or Firehose.'],
  ['monitoring.rds.amazonaws.com', 'Amazon RDS Enhanced Monitoring.'],
  ['rds.amazonaws.com', 'Amazon RDS.'],
  ['redshift.amazonaws.com', 'Amazon Redshift.'],
  ['firehose.amazonaws.com', 'Amazon Data Firehose: the delivery stream role.'],
  ['kinesisanalytics.amazonaws.com', 'Amazon Managed Service for Apache Flink.'],
  ['glue.amazonaws.com', 'AWS Glue: crawlers and jobs.'],
  ['sagemaker.amazonaws.com', 'Amazon SageMaker: notebooks, training and endpoints.'],
  ['bedrock.amazonaws.com', 'Amazon Bedrock: agents, knowledge bases and model jobs.'],
  ['batch.amazonaws.com', 'AWS Batch.'],
  ['elasticmapreduce.amazonaws.com', 'Amazon EMR: the service role.'],
  ['datasync.amazonaws.com', 'AWS DataSync.'],
  ['backup.amazonaws.com', 'AWS Backup: the backup plan role.'],
  ['dms.amazonaws.com', 'AWS Database Migration Service.'],
  ['ssm.amazonaws.com', 'AWS Systems Manager.'],
  ['secretsmanager.amazonaws.com', 'AWS Secrets Manager: rotation.'],
  ['cloudfront.amazonaws.com', 'Amazon CloudFront: origin access control to S3 and Lambda URLs.'],
  ['elasticloadbalancing.amazonaws.com', 'Elastic Load Balancing: access logs.'],
  ['autoscaling.amazonaws.com', 'Amazon EC2 Auto Scaling.'],
  ['application-autoscaling.amazonaws.com', 'Application Auto Scaling.'],
  ['spotfleet.amazonaws.com', 'EC2 Spot Fleet.'],
  ['vpc-flow-logs.amazonaws.com', 'VPC Flow Logs publishing to CloudWatch Logs.'],
  ['iot.amazonaws.com', 'AWS IoT Core: rule actions.'],
  ['appsync.amazonaws.com', 'AWS AppSync: data sources.'],
  ['cognito-idp.amazonaws.com', 'Amazon Cognito user pools: SMS and email.'],
  ['amplify.amazonaws.com', 'AWS Amplify.'],
  ['transfer.amazonaws.com', 'AWS Transfer Family: user roles.'],
  ['dlm.amazonaws.com', 'Amazon Data Lifecycle Manager.'],
  ['ses.amazonaws.com', 'Amazon SES: receiving rules.'],
  ['guardduty.amazonaws.com', 'Amazon GuardDuty.'],
  ['securityhub.amazonaws.com', 'AWS Security Hub.'],
  ['access-analyzer.amazonaws.com', 'IAM Access Analyzer.'],
  ['organizations.amazonaws.com', 'AWS Organizations.'],
  ['sso.amazonaws.com', 'AWS IAM Identity Center.'],
  ['servicecatalog.amazonaws.com', 'AWS Service Catalog: launch constraints.'],
  ['airflow.amazonaws.com', 'Amazon MWAA.'],
  ['airflow-env.amazonaws.com', 'Amazon MWAA: the environment\'s execution role.'],
];

export const SERVICE_PRINCIPALS: readonly ServicePrincipal[] = ROWS.map(([name, description]) => ({ name, description }));

const byName = new Map(SERVICE_PRINCIPALS.map((principal) => [principal.name, principal]));

export function servicePrincipal(name: string): ServicePrincipal | undefined {
  return byName.get(name.toLowerCase());
}

/** Federated principals AWS knows by name (the web identity providers); others are provider ARNs. */
export const FEDERATED_PRINCIPALS: readonly ServicePrincipal[] = [
  { name: 'cognito-identity.amazonaws.com', description: 'Amazon Cognito identity pools.' },
  { name: 'accounts.google.com', description: 'Google as a web identity provider.' },
  { name: 'graph.facebook.com', description: 'Facebook as a web identity provider.' },
  { name: 'www.amazon.com', description: 'Login with Amazon.' },
];
