/** The shared scenarios through the `vscode` API, in the window @vscode/test-electron opened on a copy of examples/. */
import * as vscode from 'vscode';
import { SCENARIOS } from '../../e2e/scenarios';
import { ApiIde } from './api-ide';

describe('in VS Code through its API (@vscode/test-electron)', () => {
  const root = (): vscode.Uri => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the test window has no folder open');
    return folder.uri;
  };

  for (const scenario of SCENARIOS) {
    it(scenario.title, async function () {
      if (scenario.needs?.includes('screen')) this.skip(); // reads the screen: run by the code-server suite
      if ((scenario.folder ?? 'examples') !== 'examples') this.skip(); // this window has one folder, the examples
      await scenario.run(new ApiIde(root()));
    });
  }

  // Scenarios share this window: put back every file they changed, and close the editors.
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
