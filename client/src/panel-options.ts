/**
 * The trust graph webview's options, kept apart from `vscode` so a test can read them: scripts run
 * (the graph is drawn by the bundle), and the page may load files from the bundle's folder only,
 * never from the workspace or anywhere else on the disk.
 */

/** The bundle's folder inside the extension: what `localResourceRoots` allows. */
export const WEBVIEW_BUNDLE_PATH = ['dist', 'webview'] as const;

export interface PanelOptions<U> {
  readonly enableScripts: true;
  readonly localResourceRoots: readonly U[];
}

/** `joinPath` is `vscode.Uri.joinPath` in the extension. */
export function panelOptions<U>(extensionUri: U, joinPath: (base: U, ...segments: string[]) => U): PanelOptions<U> {
  // No retainContextWhenHidden: the page saves its view with setState and is rebuilt when shown.
  // No enableCommandUris and no enableForms: the page posts messages, which are checked (panel-messages.ts).
  return { enableScripts: true, localResourceRoots: [joinPath(extensionUri, ...WEBVIEW_BUNDLE_PATH)] };
}
