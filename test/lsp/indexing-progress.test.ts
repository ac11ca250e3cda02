/** The server tells how far its first scan of a folder is (the graph panel shows it), ending with done. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { IndexingProgressNotification } from '../../server/src/protocol';
import { REPO_ROOT, TestClient, fileUri } from './client';

describe('indexing progress over stdio', () => {
  let client: TestClient | undefined;
  after(async () => {
    await client?.stop();
  });

  it('reports the start of the scan and its end, with the number of files indexed', async () => {
    const folder = path.join(REPO_ROOT, 'test', 'fixtures', 'graph');
    client = await TestClient.start(folder);
    // Registered before any message from the server is read: start() resolves as the last request is written.
    // (A connection keeps one handler per method, so one waiter sees them all.)
    const seen: IndexingProgressNotification.Params[] = [];
    await client.notification<IndexingProgressNotification.Params>(IndexingProgressNotification.method, (p) => {
      seen.push(p);
      return p.done;
    });
    assert.deepEqual(seen, [
      { folderUri: fileUri(folder), filesRead: 0, done: false },
      { folderUri: fileUri(folder), filesRead: 5, done: true },
    ]);
  });
});
