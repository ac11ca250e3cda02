/**
 * The folder walk the CLI and the server's workspace scan share: symlink loops end, a file or
 * folder reached twice is read once, and pipes and devices are never read (a read of either can
 * block for ever or never end).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CollectResult, collectFiles } from '../../server/src/cli/files';

const POLICY = '{"Version":"2012-10-17","Statement":[]}';

function summary(root: string, result: CollectResult): { files: string[]; skipped: string[]; missing: string[] } {
  const shown = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  return {
    files: result.files.map((file) => shown(file.path)),
    // A folder lists its entries in no promised order.
    skipped: result.skipped.map((skip) => `${shown(skip.path)}: ${skip.reason}`).sort(),
    missing: result.missing.map((miss) => `${miss.path}: ${miss.reason}`),
  };
}

describe('collectFiles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'iam-atlas-walk-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('ends symlink loops, and reads a folder or file reached through a link once', async () => {
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, 'a', 'b', 'p.json'), POLICY);
    symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'b', 'up')); // a/b/up -> a: a loop
    symlinkSync(path.join(root, 'a', 'b'), path.join(root, 'again')); // the same folder twice
    symlinkSync(path.join(root, 'a', 'b', 'p.json'), path.join(root, 'link.json')); // the same file twice
    symlinkSync(path.join(root, 'self.json'), path.join(root, 'self.json')); // a link to itself
    symlinkSync(path.join(root, 'x.json'), path.join(root, 'y.json'));
    symlinkSync(path.join(root, 'y.json'), path.join(root, 'x.json')); // two links to each other
    const result = await collectFiles([root], { maxFileSize: 1024 });
    const seen = summary(root, result);
    assert.deepEqual(seen.files, ['a/b/p.json']);
    assert.deepEqual(seen.missing, []);
    assert.deepEqual(
      seen.skipped.map((line) => line.replace(/: broken link: .*$/, ': broken link')),
      ['self.json: broken link', 'x.json: broken link', 'y.json: broken link'],
    );
    assert.match(seen.skipped[0]!, /too many symbolic links|ELOOP/i);
  });

  it('never reads a pipe, in a folder or named on the command line, nor a device', async function () {
    const fifo = path.join(root, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip(); // no mkfifo on this system
    }
    symlinkSync(fifo, path.join(root, 'to-pipe.json'));
    writeFileSync(path.join(root, 'p.json'), POLICY);
    const walked = summary(root, await collectFiles([root], { maxFileSize: 1024 }));
    assert.deepEqual(walked.files, ['p.json']);
    assert.deepEqual(walked.skipped, ['pipe.json: not a regular file (a device or a pipe)', 'to-pipe.json: not a regular file (a device or a pipe)']);

    const named = summary(root, await collectFiles([fifo, '/dev/zero'], { maxFileSize: 1024 }));
    assert.deepEqual(named.missing, [`${fifo}: not a file or folder`, '/dev/zero: not a file or folder']);
    assert.deepEqual(named.files, []);
  });
});
