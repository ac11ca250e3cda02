/** Every benchmark suite, in the order `npm run bench` runs them. Add a new one here. */
import { Suite } from '../harness/types';
import { analyzeSuite } from './analyze';
import { cliSuite } from './cli';
import { graphSuite } from './graph';
import { lspCompletionHoverSuite } from './lsp-completion-hover';
import { lspDiagnosticsSuite } from './lsp-diagnostics';
import { lspStartSuite } from './lsp-start';
import { webviewSuite } from './webview';

export const SUITES: readonly Suite[] = [analyzeSuite, lspStartSuite, lspDiagnosticsSuite, lspCompletionHoverSuite, cliSuite, graphSuite, webviewSuite];
