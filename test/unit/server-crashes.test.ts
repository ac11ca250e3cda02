/**
 * The client's answer when the server's process ends unexpectedly (client/src/server-crashes.ts):
 * restart four times within three minutes, not a fifth, and say which in words. The VS Code side
 * (the notification and its buttons) needs a running VS Code and is not tested here.
 */
import * as assert from 'node:assert/strict';
import { CRASH_WINDOW_MS, MAX_RESTARTS, ServerCrashes } from '../../client/src/server-crashes';

describe('server crashes', () => {
  let now = 0;
  const clock = (): number => now;

  it('restarts the server four times within three minutes, saying how often, and not a fifth time', () => {
    const crashes = new ServerCrashes(clock);
    now = 1_000;
    const first = crashes.ended();
    assert.deepEqual(first, {
      restart: true,
      message:
        'The IAM Atlas language server stopped unexpectedly (once in the last 3 minutes) and was restarted; open files are analysed again. What it logged is in the IAM Atlas output channel.',
    });
    for (let crash = 2; crash <= MAX_RESTARTS; crash++) {
      now += 10_000;
      const decision = crashes.ended();
      assert.equal(decision.restart, true);
      assert.match(decision.message, new RegExp(`\\(${crash} times in the last 3 minutes\\)`));
    }
    now += 10_000;
    assert.deepEqual(crashes.ended(), {
      restart: false,
      message:
        'The IAM Atlas language server stopped unexpectedly 5 times in 3 minutes and was not restarted again: diagnostics, completion and hover are off. What it logged is in the IAM Atlas output channel; "IAM Atlas: Restart Language Server" starts it again.',
    });
  });

  it('forgets crashes older than three minutes', () => {
    const crashes = new ServerCrashes(clock);
    now = 0;
    for (let crash = 1; crash <= MAX_RESTARTS; crash++) crashes.ended();
    now = CRASH_WINDOW_MS;
    assert.match(crashes.ended().message, /\(once in the last 3 minutes\)/);
  });

  it('starts counting again after the user restarts the server', () => {
    const crashes = new ServerCrashes(clock);
    now = 0;
    for (let crash = 1; crash <= MAX_RESTARTS + 1; crash++) crashes.ended();
    crashes.reset();
    assert.equal(crashes.ended().restart, true);
  });
});
