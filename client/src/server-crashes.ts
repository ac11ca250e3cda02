/**
 * What to do when the language server's process ends without being asked to: start it again, up
 * to a few times in a short while, and tell the user each time what happened and where the log is.
 * No VS Code types here, so it is tested in plain Node; extension.ts turns a decision into the
 * language client's CloseAction and a notification.
 */

export interface CrashDecision {
  readonly restart: boolean;
  /** For the notification and the output channel. */
  readonly message: string;
}

/** As vscode-languageclient's own handler: four restarts within three minutes, not a fifth. */
export const MAX_RESTARTS = 4;
export const CRASH_WINDOW_MS = 3 * 60 * 1000;

export class ServerCrashes {
  private crashes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** The server's process ended unexpectedly: whether to restart it, and what to say. */
  ended(): CrashDecision {
    const at = this.now();
    this.crashes = [...this.crashes.filter((time) => at - time < CRASH_WINDOW_MS), at];
    const count = this.crashes.length;
    if (count <= MAX_RESTARTS) {
      const times = count === 1 ? 'once' : `${count} times`;
      return {
        restart: true,
        message: `The IAM Atlas language server stopped unexpectedly (${times} in the last 3 minutes) and was restarted; open files are analysed again. What it logged is in the IAM Atlas output channel.`,
      };
    }
    return {
      restart: false,
      message: `The IAM Atlas language server stopped unexpectedly ${count} times in 3 minutes and was not restarted again: diagnostics, completion and hover are off. What it logged is in the IAM Atlas output channel; "IAM Atlas: Restart Language Server" starts it again.`,
    };
  }

  /** The user restarted the server: earlier crashes no longer count against it. */
  reset(): void {
    this.crashes = [];
  }
}
