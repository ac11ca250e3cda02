/** The benchmark input generators: same seed, same bytes; and they produce what they claim. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyze } from '../../server/src/core/analyze';
import { readWorkspaceConfig } from '../../server/src/core/config';
import { GeneratedFile } from '../../bench/generate/files';
import { generateOrganisation } from '../../bench/generate/organisation';
import { organisationAsJson, organisationAsTerraform } from '../../bench/generate/organisation-files';
import { generatePolicy, generatePolicyOfSize } from '../../bench/generate/policy';
import { Random } from '../../bench/generate/random';
import { generateRepository } from '../../bench/generate/repository';
import { generateLargeTerraformFile, generateTerraformFile } from '../../bench/generate/terraform';

const digest = (files: readonly GeneratedFile[]): string => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest('hex');
};

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

/** Grammar findings (IAM0xx): what the generators promise to avoid, or to cause on purpose. */
const isGrammar = (ruleId: string): boolean => /^IAM0\d\d$/.test(ruleId);

function analyseJson(path: string, text: string) {
  return analyze(`file:///bench/${path}`, text, { path: `/bench/${path}` });
}

describe('benchmark generators', () => {
  describe('Random', () => {
    it('gives the same sequence for the same seed and another for another seed', () => {
      const draw = (seed: string) => {
        const random = new Random(seed);
        return Array.from({ length: 8 }, () => random.uint32());
      };
      assert.deepEqual(draw('a'), draw('a'));
      assert.notDeepEqual(draw('a'), draw('b'));
    });

    it('keeps int() within its bounds, both included, and reaches both', () => {
      const random = new Random(7);
      const seen = new Set<number>();
      for (let i = 0; i < 2000; i++) seen.add(random.int(3, 6));
      assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
    });

    it('forks a stream from the seed and label alone, whatever the parent drew', () => {
      const untouched = new Random('s');
      const used = new Random('s');
      used.uint32();
      used.uint32();
      assert.equal(untouched.fork('part').uint32(), used.fork('part').uint32());
      assert.notEqual(untouched.fork('part').uint32(), untouched.fork('other').uint32());
    });
  });

  describe('JSON policies', () => {
    it('writes the same bytes for the same seed', () => {
      assert.equal(generatePolicy({ seed: 'x', statements: 50 }).text, generatePolicy({ seed: 'x', statements: 50 }).text);
      assert.notEqual(generatePolicy({ seed: 'x', statements: 50 }).text, generatePolicy({ seed: 'y', statements: 50 }).text);
    });

    it('writes a 500-statement identity policy that parses with 500 statements and no error but its size', () => {
      const { text, statements } = generatePolicy({ seed: 'bench', statements: 500 });
      const { file, findings } = analyseJson('policy.json', text);
      assert.equal(statements, 500);
      assert.equal(file.documents.length, 1);
      assert.equal(file.documents[0]!.kind, 'identity');
      assert.equal(file.documents[0]!.statements.length, 500);
      // 500 statements are far over the 6,144 characters AWS accepts in a managed policy: the size
      // quota is the one error such a policy must have; a benchmark input needs it big.
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.ruleName), ['policy-size-quota']);
    });

    it('writes a policy of at least the size asked, by less than one statement more', () => {
      const bytes = 64 * 1024;
      const sized = generatePolicyOfSize({ seed: 'bench', bytes });
      const size = Buffer.byteLength(sized.text);
      assert.ok(size >= bytes, `${size} bytes`);
      const lastStatement = JSON.stringify(sized.policy.Statement.at(-1), null, 2).length;
      assert.ok(size < bytes + lastStatement + 16, `${size} bytes, the last statement ${lastStatement}`);
      assert.equal(analyseJson('sized.json', sized.text).file.documents[0]!.statements.length, sized.statements);
      assert.equal(generatePolicyOfSize({ seed: 'bench', bytes }).text, sized.text);
    });
  });

  describe('Terraform', () => {
    it('writes policies in the three syntaxes in turn, with every statement', () => {
      const generated = generateTerraformFile({ seed: 'tf', statements: 25, statementsPerPolicy: 10 });
      assert.equal(generated.policies, 3);
      assert.deepEqual(generated.bySyntax, { jsonencode: 1, heredoc: 1, 'policy-document': 1 });
      assert.equal(count(generated.text, /policy = jsonencode\(\{/), 1);
      assert.equal(count(generated.text, /policy = <<-EOT/), 1);
      assert.equal(count(generated.text, /data "aws_iam_policy_document"/), 1);
      // Sids as each syntax writes them: jsonencode `Sid = `, heredoc JSON `"Sid": `, policy_document `sid = `.
      assert.equal(count(generated.text, /\bSid = "/) + count(generated.text, /"Sid": "/) + count(generated.text, /\bsid\s+= "/), 25);
      assert.equal(generateTerraformFile({ seed: 'tf', statements: 25, statementsPerPolicy: 10 }).text, generated.text);
    });

    it('puts valid JSON with its statements in the heredoc', () => {
      const { text } = generateTerraformFile({ seed: 'tf', statements: 7, statementsPerPolicy: 7, syntaxes: ['heredoc'] });
      const body = /<<-EOT\n([\s\S]*?)\n\s*EOT/.exec(text)![1]!;
      assert.equal((JSON.parse(body) as { Statement: unknown[] }).Statement.length, 7);
    });

    it('writes the module of issue #4: 300 policies, at least 5,000 lines', () => {
      const module = generateLargeTerraformFile({ seed: 'bench', policies: 300, lines: 5000 });
      assert.equal(module.policies, 300);
      assert.equal(module.statements, 300);
      assert.ok(module.lines >= 5000, `${module.lines} lines`);
      assert.equal(module.text.split('\n').length - 1, module.lines);
      assert.equal(count(module.text, /policy = jsonencode\(/) + count(module.text, /policy = <<-EOT/) + count(module.text, /data "aws_iam_policy_document"/), 300);
    });
  });

  describe('organisation', () => {
    it('has the claimed accounts, roles and trust statements: 500 accounts give 5,000 roles and 20,000 statements', () => {
      const organisation = generateOrganisation({ seed: 'bench', accounts: 500 });
      assert.equal(organisation.accounts.length, 500);
      assert.equal(new Set(organisation.accounts.map((a) => a.id)).size, 500);
      assert.equal(organisation.roles.length, 5000);
      assert.equal(organisation.roles.reduce((sum, role) => sum + role.trust.length, 0), 20000);
      assert.deepEqual(organisation.counts.trustStatements, 20000);
      const byKind = Object.values(organisation.counts.trustByKind).reduce((sum, n) => sum + n, 0);
      assert.equal(byKind, 20000);
    });

    it('writes JSON trust and grant policies that parse with the claimed counts and no grammar finding', () => {
      const organisation = generateOrganisation({ seed: 'bench', accounts: 50 });
      const files = organisationAsJson(organisation);
      const trustFiles = files.filter((f) => f.path.endsWith('-trust.json'));
      const grantFiles = files.filter((f) => f.path.endsWith('-policy.json'));
      assert.equal(trustFiles.length, 500);
      let trustStatements = 0;
      for (const file of trustFiles) {
        const { file: parsed, findings } = analyseJson(file.path, file.text);
        assert.equal(parsed.documents[0]!.kind, 'trust', file.path);
        assert.deepEqual(findings.filter((f) => isGrammar(f.ruleId)).map((f) => f.message), [], file.path);
        trustStatements += parsed.documents[0]!.statements.length;
      }
      assert.equal(trustStatements, 2000);
      const roleArns = new Set(organisation.roles.map((role) => role.arn));
      let grants = 0;
      for (const file of grantFiles) {
        const { file: parsed } = analyseJson(file.path, file.text);
        assert.equal(parsed.documents[0]!.kind, 'identity', file.path);
        for (const statement of parsed.documents[0]!.statements) {
          assert.ok(roleArns.has(statement.resource!.value.items[0]!.text), file.path);
          grants++;
        }
      }
      assert.ok(grants > 0);
      assert.equal(grants, organisation.counts.assumeGrants);
      const { config, problems } = readWorkspaceConfig(files.find((f) => f.path === 'iam-atlas.json')!.text);
      assert.deepEqual(problems, []);
      assert.equal(config.accounts!.length, 50);
      assert.equal(config.organizationId, organisation.organizationId);
    });

    it('writes Terraform with an account resource, a provider per account, and every role, statement and grant', () => {
      const organisation = generateOrganisation({ seed: 'bench', accounts: 50 });
      const text = organisationAsTerraform(organisation)
        .filter((f) => f.path.endsWith('.tf'))
        .map((f) => f.text)
        .join('\n');
      // The management account is the organisation's own; the others are created.
      assert.equal(count(text, /resource "aws_organizations_account" /), 49);
      assert.equal(count(text, /role_arn = "arn:aws:iam::\d{12}:role\/OrganizationAccountAccessRole"/), 50);
      assert.equal(count(text, /resource "aws_iam_role" /), 500);
      assert.equal(count(text, /assume_role_policy = jsonencode\(\{/), 500);
      assert.equal(count(text, /Sid = "Trust/), 2000);
      assert.equal(count(text, /Sid = "AssumeRole\d+"/), organisation.counts.assumeGrants);
    });

    it('writes the same bytes for the same seed', () => {
      const once = organisationAsTerraform(generateOrganisation({ seed: 'same', accounts: 20 }));
      const again = organisationAsTerraform(generateOrganisation({ seed: 'same', accounts: 20 }));
      assert.equal(digest(once), digest(again));
      assert.notEqual(digest(once), digest(organisationAsTerraform(generateOrganisation({ seed: 'other', accounts: 20 }))));
    });
  });

  describe('repository', () => {
    it('has the claimed mix, and only the files written with a mistake have grammar findings', () => {
      const repository = generateRepository({ seed: 'bench', files: 300, terraform: false });
      const { counts, files } = repository;
      assert.equal(files.length, 300);
      assert.equal(new Set(files.map((f) => f.path)).size, 300);
      assert.equal(counts.policyJson + counts.otherJson, 300);
      assert.equal(counts.terraform, 0);
      let policyFiles = 0;
      let withFindings = 0;
      for (const file of files) {
        const { file: parsed, findings } = analyseJson(file.path, file.text);
        if (parsed.isPolicyFile) policyFiles++;
        if (findings.some((f) => isGrammar(f.ruleId))) withFindings++;
      }
      assert.equal(policyFiles, counts.policyJson);
      assert.ok(counts.withMistake > 0);
      assert.equal(withFindings, counts.withMistake);
    });

    it('adds a fifth of .tf files when asked, and is the same for the same seed', () => {
      const repository = generateRepository({ seed: 'bench', files: 100, terraform: true });
      assert.equal(repository.counts.terraform, 20);
      assert.equal(repository.files.filter((f) => f.path.endsWith('.tf')).length, 20);
      assert.equal(digest(repository.files), digest(generateRepository({ seed: 'bench', files: 100, terraform: true }).files));
    });
  });
});
