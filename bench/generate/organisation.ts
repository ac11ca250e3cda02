/**
 * A multi-account organisation from a seed: accounts, roles with trust policies of every shape, and
 * the identity grants (`sts:AssumeRole` on a role ARN) that cross-account trust needs. Written out as
 * Terraform or as JSON files by organisation-files.ts. The trust graph's tests and benchmarks share it.
 */
import { StatementJson } from './policy';
import { Random, Seed } from './random';
import { TrustKind, TrustSpec, trustStatement } from './trust';
import { SERVICE_PRINCIPALS, word } from './vocabulary';

export type Environment = 'shared' | 'security' | 'prod' | 'staging' | 'dev';

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly environment: Environment;
  readonly ou: string;
}

export interface OrgRole {
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
  /** Who may assume the role, one statement each. */
  readonly trust: readonly { readonly spec: TrustSpec; readonly statement: StatementJson }[];
  /** Role ARNs this role's identity policy allows it to assume, one statement each. */
  readonly assumes: readonly string[];
}

export interface Organisation {
  readonly organizationId: string;
  readonly accounts: readonly OrgAccount[];
  /** Accounts outside the organisation that some roles trust (vendors). */
  readonly externalAccounts: readonly { readonly id: string; readonly name: string }[];
  readonly roles: readonly OrgRole[];
  readonly counts: {
    readonly accounts: number;
    readonly roles: number;
    readonly trustStatements: number;
    readonly assumeGrants: number;
    readonly trustByKind: Readonly<Record<TrustKind, number>>;
  };
}

export interface OrganisationOptions {
  readonly seed: Seed;
  readonly accounts: number;
  /** 10 by default: 500 accounts give 5,000 roles. */
  readonly rolesPerAccount?: number;
  /** 4 by default: 5,000 roles give 20,000 trust statements. */
  readonly trustStatementsPerRole?: number;
  /** Share of cross-account trusts whose source is also granted `sts:AssumeRole`; 0.8 by default. */
  readonly grantRate?: number;
}

const ROLE_FUNCTIONS = ['deploy', 'readonly', 'admin', 'ci', 'etl', 'audit', 'support', 'lambda-exec', 'batch', 'observer'] as const;

const TRUST_WEIGHTS: readonly (readonly [TrustKind, number])[] = [
  ['role', 50],
  ['account-root', 15],
  ['service', 15],
  ['github-oidc', 8],
  ['saml', 6],
  ['external', 6],
];

export function generateOrganisation(options: OrganisationOptions): Organisation {
  const random = new Random(`organisation/${options.seed}`);
  const rolesPerAccount = options.rolesPerAccount ?? 10;
  const perRole = options.trustStatementsPerRole ?? 4;
  const grantRate = options.grantRate ?? 0.8;
  const organizationId = `o-${random.digits(10)}`;

  const usedIds = new Set<string>();
  const newAccountId = (): string => {
    let id = random.digits(12);
    while (usedIds.has(id)) id = random.digits(12);
    usedIds.add(id);
    return id;
  };
  const accounts = Array.from({ length: options.accounts }, (_, index) => newAccount(random, index, newAccountId()));
  const externalAccounts = Array.from({ length: 5 }, (_, index) => ({ id: newAccountId(), name: `vendor-${word(random)}-${index}` }));

  // Names first, so trust can name roles of any account.
  const roleNames = accounts.map((account) =>
    Array.from({ length: rolesPerAccount }, (_, index) => `${account.environment}-${random.pick(ROLE_FUNCTIONS)}-${word(random)}-${index}`),
  );
  const arnOf = (accountIndex: number, roleIndex: number): string => `arn:aws:iam::${accounts[accountIndex]!.id}:role/${roleNames[accountIndex]![roleIndex]}`;
  const grants = accounts.map(() => Array.from({ length: rolesPerAccount }, () => new Set<string>()));
  const trustByKind: Record<TrustKind, number> = { role: 0, 'account-root': 0, service: 0, 'github-oidc': 0, saml: 0, external: 0 };
  const trusts: { spec: TrustSpec; statement: StatementJson }[][][] = accounts.map(() => []);

  accounts.forEach((account, accountIndex) => {
    for (let roleIndex = 0; roleIndex < rolesPerAccount; roleIndex++) {
      const targetArn = arnOf(accountIndex, roleIndex);
      const statements: { spec: TrustSpec; statement: StatementJson }[] = [];
      for (let k = 0; k < perRole; k++) {
        const kind = random.weighted(TRUST_WEIGHTS);
        let spec: TrustSpec;
        switch (kind) {
          case 'role': {
            // Two in three named-role trusts cross accounts.
            const sourceAccount = accounts.length > 1 && random.chance(2 / 3) ? otherIndex(random, accounts.length, accountIndex) : accountIndex;
            const sourceRole = random.int(0, rolesPerAccount - 1);
            spec = { kind, principalArn: arnOf(sourceAccount, sourceRole), ...(random.chance(0.5) ? { organizationId } : {}) };
            if (sourceAccount !== accountIndex && random.chance(grantRate)) grants[sourceAccount]![sourceRole]!.add(targetArn);
            break;
          }
          case 'account-root': {
            const sourceAccount = accounts.length > 1 ? otherIndex(random, accounts.length, accountIndex) : accountIndex;
            spec = { kind, accountId: accounts[sourceAccount]!.id, ...(random.chance(0.5) ? { organizationId } : {}) };
            if (random.chance(grantRate)) grants[sourceAccount]![random.int(0, rolesPerAccount - 1)]!.add(targetArn);
            break;
          }
          case 'service':
            spec = { kind, service: random.pick(SERVICE_PRINCIPALS), sourceAccount: account.id };
            break;
          case 'github-oidc':
            spec = { kind, accountId: account.id, repository: `example-org/${word(random)}-${word(random)}` };
            break;
          case 'saml':
            spec = { kind, accountId: account.id, provider: random.pick(['Okta', 'AzureAD', 'Ping']) };
            break;
          case 'external':
            spec = { kind, accountId: random.pick(externalAccounts).id, externalId: `ext-${random.digits(8)}` };
            break;
        }
        trustByKind[kind]++;
        statements.push({ spec, statement: trustStatement(spec, `Trust${pascal(kind)}${k}`) });
      }
      trusts[accountIndex]!.push(statements);
    }
  });

  const roles: OrgRole[] = [];
  let assumeGrants = 0;
  accounts.forEach((account, accountIndex) => {
    for (let roleIndex = 0; roleIndex < rolesPerAccount; roleIndex++) {
      const assumes = [...grants[accountIndex]![roleIndex]!].sort();
      assumeGrants += assumes.length;
      roles.push({ accountId: account.id, name: roleNames[accountIndex]![roleIndex]!, arn: arnOf(accountIndex, roleIndex), trust: trusts[accountIndex]![roleIndex]!, assumes });
    }
  });

  return {
    organizationId,
    accounts,
    externalAccounts,
    roles,
    counts: { accounts: accounts.length, roles: roles.length, trustStatements: roles.length * perRole, assumeGrants, trustByKind },
  };
}

function newAccount(random: Random, index: number, id: string): OrgAccount {
  if (index === 0) return { id, name: 'management', environment: 'shared', ou: 'Root' };
  if (index === 1) return { id, name: 'security', environment: 'security', ou: 'Security' };
  const environment = (['prod', 'staging', 'dev'] as const)[index % 3]!;
  const ou = environment === 'prod' ? 'Workloads/Prod' : 'Workloads/NonProd';
  return { id, name: `${environment}-${word(random)}-${index}`, environment, ou };
}

function otherIndex(random: Random, count: number, not: number): number {
  const index = random.int(0, count - 2);
  return index >= not ? index + 1 : index;
}

function pascal(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** The identity statement that lets a role assume `targetArn`. */
export function assumeGrantStatement(targetArn: string, index: number): StatementJson {
  return { Sid: `AssumeRole${index}`, Effect: 'Allow', Action: 'sts:AssumeRole', Resource: targetArn };
}
