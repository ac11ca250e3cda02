/**
 * Links into the AWS documentation, built from names because the reference data carries no URLs.
 *
 * The Service Authorization Reference has one page per service at
 * `…/reference/list_<slug>.html`, where the slug comes from the page title at the time AWS created
 * the page (`list_amazons3.html`, `list_awsidentityandaccessmanagementiam.html`). The title is not
 * the service name the data carries ("Amazon EC2" has `list_amazonec2.html`, but some renamed
 * services kept their old slug, and one prefix can span several pages), so the slug cannot be
 * derived reliably. We keep a table of slugs for the services policies use most, each checked
 * against the published page list; every other service links to the reference's index page with a
 * text fragment (`#:~:text=`) on the service's name, which browsers that support text fragments
 * scroll to, and others open at the top. Action anchors on a service page are `#<slug>-<Action>`.
 */

export const SERVICE_AUTHORIZATION_REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';
export const REFERENCE_INDEX = `${SERVICE_AUTHORIZATION_REFERENCE}/reference_policies_actions-resources-contextkeys.html`;
export const GLOBAL_KEYS_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
export const OPERATORS_PAGE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

/** Service prefix → page slug, for services whose page we have checked. */
const PAGE_SLUGS: Readonly<Record<string, string>> = {
  'access-analyzer': 'awsiamaccessanalyzer',
  account: 'awsaccountmanagement',
  acm: 'awscertificatemanager',
  'acm-pca': 'awsprivatecertificateauthority',
  apigateway: 'amazonapigatewaymanagement',
  athena: 'amazonathena',
  autoscaling: 'amazonec2autoscaling',
  backup: 'awsbackup',
  batch: 'awsbatch',
  bedrock: 'amazonbedrock',
  cloudformation: 'awscloudformation',
  cloudfront: 'amazoncloudfront',
  cloudtrail: 'awscloudtrail',
  cloudwatch: 'amazoncloudwatch',
  codeartifact: 'awscodeartifact',
  codebuild: 'awscodebuild',
  codecommit: 'awscodecommit',
  codedeploy: 'awscodedeploy',
  codepipeline: 'awscodepipeline',
  'cognito-identity': 'amazoncognitoidentity',
  'cognito-idp': 'amazoncognitouserpools',
  config: 'awsconfig',
  datasync: 'awsdatasync',
  dax: 'amazondynamodbacceleratordax',
  detective: 'amazondetective',
  dynamodb: 'amazondynamodb',
  ebs: 'amazonelasticblockstore',
  ec2: 'amazonec2',
  ecr: 'amazonelasticcontainerregistry',
  'ecr-public': 'amazonelasticcontainerregistrypublic',
  ecs: 'amazonelasticcontainerservice',
  eks: 'amazonelastickubernetesservice',
  elasticache: 'amazonelasticache',
  elasticfilesystem: 'amazonelasticfilesystem',
  elasticloadbalancing: 'awselasticloadbalancingv2',
  elasticmapreduce: 'amazonelasticmapreduce',
  es: 'amazonopensearchservice',
  events: 'amazoneventbridge',
  'execute-api': 'amazonapigateway',
  firehose: 'amazonkinesisfirehose',
  fsx: 'amazonfsx',
  glue: 'awsglue',
  guardduty: 'amazonguardduty',
  iam: 'awsidentityandaccessmanagementiam',
  identitystore: 'awsidentitystore',
  inspector2: 'amazoninspector2',
  kafka: 'amazonmanagedstreamingforapachekafka',
  kinesis: 'amazonkinesisdatastreams',
  kms: 'awskeymanagementservice',
  lakeformation: 'awslakeformation',
  lambda: 'awslambda',
  logs: 'amazoncloudwatchlogs',
  mq: 'amazonmq',
  'network-firewall': 'awsnetworkfirewall',
  organizations: 'awsorganizations',
  quicksight: 'amazonquicksight',
  ram: 'awsresourceaccessmanagerram',
  rds: 'amazonrds',
  redshift: 'amazonredshift',
  route53: 'amazonroute53',
  s3: 'amazons3',
  sagemaker: 'amazonsagemaker',
  scheduler: 'amazoneventbridgescheduler',
  secretsmanager: 'awssecretsmanager',
  securityhub: 'awssecurityhub',
  servicecatalog: 'awsservicecatalog',
  servicequotas: 'servicequotas',
  shield: 'awsshield',
  signin: 'awssignin',
  sns: 'amazonsns',
  sqs: 'amazonsqs',
  ssm: 'awssystemsmanager',
  sso: 'awsiamidentitycenter',
  states: 'awsstepfunctions',
  sts: 'awssecuritytokenservice',
  support: 'awssupport',
  tag: 'amazonresourcegrouptaggingapi',
  transfer: 'awstransferfamily',
  wafv2: 'awswafv2',
  xray: 'awsx-ray',
};

/** The page of a service: its own page when we know the slug, else the index at the service's name. */
export function serviceDocsUrl(prefix: string, serviceName?: string): string {
  const slug = PAGE_SLUGS[prefix.toLowerCase()];
  if (slug) return `${SERVICE_AUTHORIZATION_REFERENCE}/list_${slug}.html`;
  return serviceName ? `${REFERENCE_INDEX}#:~:text=${encodeURIComponent(serviceName)}` : REFERENCE_INDEX;
}

/** The row of an action on its service's page, when the page is known. */
export function actionDocsUrl(prefix: string, actionName: string, serviceName?: string): string {
  const slug = PAGE_SLUGS[prefix.toLowerCase()];
  if (slug) return `${SERVICE_AUTHORIZATION_REFERENCE}/list_${slug}.html#${slug}-${actionName}`;
  return serviceDocsUrl(prefix, serviceName);
}

/** The condition keys table of a service's page, when the page is known. */
export function serviceKeysDocsUrl(prefix: string, serviceName?: string): string {
  const slug = PAGE_SLUGS[prefix.toLowerCase()];
  if (slug) return `${SERVICE_AUTHORIZATION_REFERENCE}/list_${slug}.html#${slug}-policy-keys`;
  return serviceDocsUrl(prefix, serviceName);
}

/** The section of a global key on the IAM User Guide's global keys page: `#condition-keys-sourceip`. */
export function globalKeyDocsUrl(key: string): string {
  const name = key.replace(/^aws:/i, '').replace(/\/.*$/, '').toLowerCase();
  return `${GLOBAL_KEYS_PAGE}#condition-keys-${name}`;
}

/** Whether `prefix` links to its own page (for tests and for saying so in hovers). */
export function hasServicePage(prefix: string): boolean {
  return PAGE_SLUGS[prefix.toLowerCase()] !== undefined;
}
