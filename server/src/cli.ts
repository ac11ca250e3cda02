/** The command line: `iam-atlas check …`. Each command lives in cli/. */
import { parseArgs } from 'node:util';
import { FailOn, OutputFormat, runCheck } from './cli/check';
import { GraphFormat, runGraph } from './cli/graph';
import { CliIo, UsageError } from './cli/io';
import { DEFAULT_MAX_FILE_SIZE } from './core/limits';
import { packageVersion } from './package-root';

const USAGE = `Usage: iam-atlas <command> [options]

Commands:
  check [paths...]     Check IAM policies in JSON and Terraform files (default path: .)
  graph [folder]       Print the cross-account trust graph of a folder (default: .)

Options for check:
  --format <f>         text (default), json or sarif
  --fail-on <level>    exit 1 on findings of this severity or worse: error (default), warning, never
  --config <file>      iam-atlas.json to use (default: the nearest one above the first path)
  --output <file>      write the report to a file instead of standard output
  --max-file-size <n>  skip files larger than this many bytes (default 2097152, 2 MB)
  --summary            print the organisation report: accounts, roles, risky trust edges,
                       SCP guardrails present or missing, the top findings

Options for graph:
  --format <f>         json (default), dot, mermaid, or html (a page that opens offline in a browser)
  --who-can-assume <r> list who can assume the role (name, ARN or node id), riskiest first
  --config, --output, --max-file-size as for check

  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no findings at the --fail-on level, 1 findings at that level, 2 a usage or read error.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`iam-atlas: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`iam-atlas: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (command === 'check') return check(rest, io);
  if (command === 'graph') return graph(rest, io);
  throw new UsageError(`unknown command "${command}"`);
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      config: { type: 'string' },
      output: { type: 'string' },
      'max-file-size': { type: 'string' },
      summary: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf<OutputFormat>('--format', values.format, ['text', 'json', 'sarif']);
  const failOn = oneOf<FailOn>('--fail-on', values['fail-on'], ['error', 'warning', 'never']);
  return runCheck(
    {
      paths: positionals.length ? positionals : ['.'],
      format,
      failOn,
      configPath: values.config,
      outputPath: values.output,
      maxFileSize: maxFileSize(values['max-file-size']),
      summary: values.summary === true,
    },
    io,
  );
}

async function graph(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      'who-can-assume': { type: 'string' },
      config: { type: 'string' },
      output: { type: 'string' },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('graph takes one folder');
  return runGraph(
    {
      folder: positionals[0] ?? '.',
      format: oneOf<GraphFormat>('--format', values.format, ['json', 'dot', 'mermaid', 'html']),
      whoCanAssume: values['who-can-assume'],
      configPath: values.config,
      outputPath: values.output,
      maxFileSize: maxFileSize(values['max-file-size']),
    },
    io,
  );
}

function maxFileSize(value: string | undefined): number {
  const size = value === undefined ? DEFAULT_MAX_FILE_SIZE : Number(value);
  if (!Number.isInteger(size) || size <= 0) throw new UsageError('--max-file-size takes a positive whole number of bytes');
  return size;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} takes one of: ${allowed.join(', ')} (got "${value}")`);
}

if (require.main === module) {
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
