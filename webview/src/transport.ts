/**
 * How the app talks to its host. In VS Code, through the webview API; in the page the CLI writes,
 * to the graph embedded in it. Tests stand in for the VS Code API (`acquireVsCodeApi`). Nothing
 * here runs on import.
 */
import type { FromWebviewMessage, ToWebviewMessage, TrustGraph } from '../../server/src/protocol';
import { PanelState, readState } from './state';

export interface HostInfo {
  /** Whether a source can be opened in an editor; if not, the app shows `file:line` instead. */
  readonly opensFiles: boolean;
  /** Where rule pages are, for hosts that link to them directly (`<base><rule-name>.md`). */
  readonly docsBaseUrl?: string;
  /** A folder that source paths are shown relative to. */
  readonly root?: string;
}

export interface Transport {
  readonly host: HostInfo;
  post(message: FromWebviewMessage): void;
  listen(handler: (message: ToWebviewMessage) => void): void;
  loadState(): PanelState;
  saveState(state: PanelState): void;
}

/** The part of the VS Code webview API the app uses. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

const TO_WEBVIEW_TYPES: ReadonlySet<ToWebviewMessage['type']> = new Set(['graph', 'indexing', 'focus', 'error']);

export function vsCodeTransport(api: VsCodeApi, target: Window): Transport {
  return {
    host: { opensFiles: true },
    post: (message) => api.postMessage(message),
    listen: (handler) =>
      target.addEventListener('message', (event: MessageEvent) => {
        const data: unknown = event.data;
        if (typeof data === 'object' && data !== null && TO_WEBVIEW_TYPES.has((data as { type: ToWebviewMessage['type'] }).type)) {
          handler(data as ToWebviewMessage);
        }
      }),
    loadState: () => readState(api.getState()),
    saveState: (state) => api.setState(state),
  };
}

/** What the CLI embeds in its page (`<script type="application/json" id="iam-atlas-data">`). */
export interface EmbeddedGraph {
  readonly graph: TrustGraph;
  readonly title: string;
  /** The folder the graph was made from, as a file URL: sources are shown relative to it. */
  readonly root?: string;
  readonly docsBaseUrl?: string;
}

export const EMBEDDED_DATA_ID = 'iam-atlas-data';

/** The CLI's page: the graph is in the page, images are downloaded, the state lives as long as the page. */
export function staticTransport(data: EmbeddedGraph, target: Window): Transport {
  let state: PanelState = readState(undefined);
  let handler: ((message: ToWebviewMessage) => void) | undefined;
  return {
    host: { opensFiles: false, ...(data.docsBaseUrl ? { docsBaseUrl: data.docsBaseUrl } : {}), ...(data.root ? { root: data.root } : {}) },
    post: (message) => {
      switch (message.type) {
        case 'ready':
        case 'refresh':
          handler?.({ type: 'graph', graph: data.graph, version: 1, fileCount: 0, folderName: data.title, folderUri: data.root ?? '' });
          return;
        case 'saveImage':
          download(target, message.suggestedName, message.format, message.data);
          return;
        case 'openSource':
        case 'openRuleDocs':
        case 'openConfigDocs':
          // The page shows file:line and plain links instead: nothing to open.
          return;
        default: {
          const unhandled: never = message;
          throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
        }
      }
    },
    listen: (listener) => {
      handler = listener;
    },
    loadState: () => state,
    saveState: (next) => {
      state = next;
    },
  };
}

function download(target: Window, name: string, format: 'png' | 'svg', data: string): void {
  const bytes = format === 'png' ? Uint8Array.from(target.atob(data), (char) => char.charCodeAt(0)) : new TextEncoder().encode(data);
  const url = URL.createObjectURL(new Blob([bytes], { type: format === 'png' ? 'image/png' : 'image/svg+xml' }));
  const link = target.document.createElement('a');
  link.href = url;
  link.download = name;
  target.document.body.appendChild(link);
  link.click();
  link.remove();
  // The download reads the URL after this returns.
  target.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads the graph the CLI embedded, if this page has one. */
export function embeddedGraph(document: Document): EmbeddedGraph | undefined {
  const element = document.getElementById(EMBEDDED_DATA_ID);
  if (!element || element.getAttribute('type') !== 'application/json') return undefined;
  return JSON.parse(element.textContent ?? '') as EmbeddedGraph;
}
