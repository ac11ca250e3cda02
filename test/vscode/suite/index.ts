/** Loaded by VS Code's extension host (extensionTestsPath): runs the scenario suite with mocha. */
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is an ES module: import it rather than require it.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: true, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'scenarios.test.js'));
  await mocha.loadFilesAsync();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} scenario(s) failed`)) : resolve()));
  });
}
