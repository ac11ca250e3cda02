/**
 * A repository as the CLI meets it in CI: IAM policies of every JSON kind among ordinary JSON files
 * (package.json, tsconfig.json, configuration and data), and Terraform modules when asked. A few
 * policies carry a deliberate mistake so the reports have something to say.
 */
import { GeneratedFile } from './files';
import { PolicyJson, identityStatements, renderPolicyJson } from './policy';
import { Random, Seed } from './random';
import { generateTerraformFile } from './terraform';
import { TrustSpec, trustStatement } from './trust';
import { SERVICE_PRINCIPALS, accountId, resourceName, word } from './vocabulary';

export interface RepositoryOptions {
  readonly seed: Seed;
  readonly files: number;
  /** Include .tf files (a fifth of the files); only useful once Terraform is parsed. */
  readonly terraform: boolean;
  /** Share of policy files with one deliberate mistake; 0.05 by default. */
  readonly mistakeRate?: number;
}

export interface Repository {
  readonly files: GeneratedFile[];
  readonly counts: {
    readonly policyJson: number;
    readonly otherJson: number;
    readonly terraform: number;
    /** Policy JSON files written with a deliberate mistake. */
    readonly withMistake: number;
  };
}

type PolicyFileKind = 'identity' | 'trust' | 'resource' | 'scp';

export function generateRepository(options: RepositoryOptions): Repository {
  const random = new Random(`repository/${options.seed}`);
  const terraform = options.terraform ? Math.round(options.files * 0.2) : 0;
  const otherJson = Math.round(options.files * 0.25);
  const policyJson = options.files - terraform - otherJson;
  const mistakeRate = options.mistakeRate ?? 0.05;
  const organizationId = `o-${random.digits(10)}`;
  const accounts = Array.from({ length: 12 }, () => ({ id: accountId(random), name: `${word(random)}-${random.int(1, 99)}` }));

  const files: GeneratedFile[] = [];
  let withMistake = 0;
  for (let i = 0; i < policyJson; i++) {
    const account = random.pick(accounts);
    const kind = random.weighted<PolicyFileKind>([['identity', 50], ['trust', 25], ['resource', 15], ['scp', 10]]);
    const policy = policyOfKind(random, kind, account.id, accounts.map((a) => a.id), organizationId);
    if (random.chance(mistakeRate)) {
      addMistake(random, policy);
      withMistake++;
    }
    files.push({ path: policyPath(kind, account.name, `${resourceName(random)}-${i}`), text: renderPolicyJson(policy) });
  }
  for (let i = 0; i < otherJson; i++) files.push(otherJsonFile(random, i));
  for (let i = 0; i < terraform; i++) {
    const { text } = generateTerraformFile({ seed: `${options.seed}/tf/${i}`, statements: random.int(2, 20), statementsPerPolicy: 5 });
    files.push({ path: `terraform/${random.pick(accounts).name}/${resourceName(random)}-${i}.tf`, text });
  }
  return { files, counts: { policyJson, otherJson, terraform, withMistake } };
}

function policyPath(kind: PolicyFileKind, account: string, name: string): string {
  switch (kind) {
    case 'identity':
      return `accounts/${account}/policies/${name}.json`;
    case 'trust':
      return `accounts/${account}/roles/${name}-trust.json`;
    case 'resource':
      return `accounts/${account}/resource-policies/${name}.json`;
    case 'scp':
      return `scps/${name}.json`;
  }
}

function policyOfKind(random: Random, kind: PolicyFileKind, account: string, accounts: readonly string[], organizationId: string): PolicyJson {
  const context = { accountId: account, organizationId };
  switch (kind) {
    case 'identity':
      return { Version: '2012-10-17', Statement: identityStatements(random, random.int(1, 12), context) };
    case 'trust': {
      const specs: TrustSpec[] = Array.from({ length: random.int(1, 3) }, () =>
        random.weighted<() => TrustSpec>([
          [() => ({ kind: 'role', principalArn: `arn:aws:iam::${random.pick(accounts)}:role/${resourceName(random)}`, organizationId }), 3],
          [() => ({ kind: 'service', service: random.pick(SERVICE_PRINCIPALS), sourceAccount: account }), 2],
          [() => ({ kind: 'github-oidc', accountId: account, repository: `example-org/${word(random)}` }), 1],
        ])(),
      );
      return { Version: '2012-10-17', Statement: specs.map((spec, index) => trustStatement(spec, `Trust${index}`)) };
    }
    case 'resource': {
      // A bucket policy: identity-style statements with a principal added.
      const statements = identityStatements(random, random.int(1, 4), context).map((statement) => ({
        ...statement,
        Principal: { AWS: `arn:aws:iam::${random.pick(accounts)}:root` },
      }));
      return { Version: '2012-10-17', Statement: statements };
    }
    case 'scp': {
      const statements = identityStatements(random, random.int(1, 5), context).map((statement) => ({ ...statement, Effect: 'Deny', Resource: '*' }));
      return { Version: '2012-10-17', Statement: statements };
    }
  }
}

/** One mistake a person makes, that a grammar rule reports. */
function addMistake(random: Random, policy: PolicyJson): void {
  const statement = policy.Statement[0]!;
  random.weighted<() => void>([
    [() => (statement.Effect = statement.Effect.toLowerCase()), 1],
    [() => (policy.Version = '2008-10-17'), 1],
    [() => delete policy.Version, 1],
    [() => (statement.Sid = `${statement.Sid ?? 'Stmt'}-copy`), 1],
  ])();
}

function otherJsonFile(random: Random, index: number): GeneratedFile {
  const name = `${word(random)}-${word(random)}-${index}`;
  return random.weighted<() => GeneratedFile>([
    [
      () => ({
        path: `services/${name}/package.json`,
        text: `${JSON.stringify(
          {
            name,
            version: `${random.int(0, 3)}.${random.int(0, 20)}.${random.int(0, 9)}`,
            private: true,
            scripts: { build: 'tsc -b', test: 'mocha' },
            dependencies: Object.fromEntries(Array.from({ length: random.int(1, 8) }, () => [`${word(random)}-${word(random)}`, `^${random.int(1, 9)}.0.0`])),
          },
          null,
          2,
        )}\n`,
      }),
      2,
    ],
    [
      () => ({
        path: `services/${name}/tsconfig.json`,
        text: `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', strict: true, outDir: 'out' }, include: ['src'] }, null, 2)}\n`,
      }),
      1,
    ],
    [
      () => ({
        path: `config/${name}.json`,
        text: `${JSON.stringify(
          { environment: random.pick(['dev', 'staging', 'prod']), region: 'eu-west-1', replicas: random.int(1, 9), features: { [word(random)]: random.chance(0.5) } },
          null,
          2,
        )}\n`,
      }),
      2,
    ],
    [
      () => ({
        path: `fixtures/${name}.json`,
        text: `${JSON.stringify(
          Array.from({ length: random.int(5, 60) }, (_, row) => ({ id: row, name: resourceName(random), score: random.int(0, 1000), tags: random.sample(['a', 'b', 'c', 'd'], 2) })),
          null,
          2,
        )}\n`,
      }),
      2,
    ],
  ])();
}
