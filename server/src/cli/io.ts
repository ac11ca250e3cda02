/** What the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}
