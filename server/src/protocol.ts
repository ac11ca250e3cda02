/**
 * The custom messages between the extension and the language server, typed once and imported by
 * both sides. Method names are `iamAtlas/...`. Plain data only: no vscode or LSP library types, so
 * the webview and the CLI can import it too.
 */
import { GraphEdge, GraphNode, RiskLevel, SourceRef, TrustGraph } from './core/graph/types';
import type { GuardrailSummary } from './core/governance/summary';

export type { GraphEdge, GraphNode, GuardrailSummary, RiskLevel, SourceRef, TrustGraph };

/** `iamAtlas/graph`: the trust graph of the workspace (all folders), built from the indexed files. */
export namespace GraphRequest {
  export const method = 'iamAtlas/graph';
  export interface Params {
    /** A file or folder of the workspace folder whose graph is wanted; the first folder by default. */
    readonly uri?: string;
  }
  export type Result = TrustGraph & {
    readonly indexing: boolean;
    readonly fileCount: number;
    /** Grows with every change of the indexed files; GraphChangedNotification carries the same number. */
    readonly version: number;
    /**
     * The SCP guardrails (IAM510), present (with the uris of the SCPs that provide them) or missing,
     * for the graph view to show; absent when the workspace does not describe an organisation.
     */
    readonly guardrails?: readonly GuardrailSummary[];
  };
}

/** `iamAtlas/whoCanAssume`: every principal that can reach a role, each with its shortest path. */
export namespace WhoCanAssumeRequest {
  export const method = 'iamAtlas/whoCanAssume';
  export interface Params {
    /** A role's node id, ARN or name. */
    readonly role: string;
    /** A file or folder of the workspace folder to look in; the first folder by default. */
    readonly uri?: string;
  }
  export interface PathResult {
    readonly nodes: readonly GraphNode[];
    readonly edges: readonly GraphEdge[];
    /** The highest risk along the path. */
    readonly risk: RiskLevel;
  }
  export type Result = { readonly role?: GraphNode; readonly paths: readonly PathResult[] };
}

/** `iamAtlas/graphChanged` (server → client): the graph changed; panels that show it ask again. */
export namespace GraphChangedNotification {
  export const method = 'iamAtlas/graphChanged';
  export interface Params {
    readonly fileCount: number;
    readonly version: number;
  }
}

/** `iamAtlas/indexingProgress` (server → client): how far the first scan of a workspace folder is. */
export namespace IndexingProgressNotification {
  export const method = 'iamAtlas/indexingProgress';
  export interface Params {
    readonly folderUri: string;
    readonly filesRead: number;
    readonly done: boolean;
  }
}

/*
 * The trust graph panel: messages between the extension and the webview app (webview/src/).
 * Both are discriminated unions on `type`; each side switches over them exhaustively. The
 * extension validates every FromWebviewMessage before use (client/src/panel-messages.ts).
 */

/** Extension → webview. */
export type ToWebviewMessage =
  | {
      readonly type: 'graph';
      readonly graph: TrustGraph;
      readonly version: number;
      readonly fileCount: number;
      /** The workspace folder shown, for the title and the empty state. */
      readonly folderName: string;
      /** Kept in the page's saved state, so a panel restored after a reload shows the same folder. */
      readonly folderUri: string;
      /**
       * Above this many elements (nodes + edges) accounts start collapsed; 2,000 when absent.
       * The extension leaves it out; tests and benchmarks set it.
       */
      readonly collapseAbove?: number;
    }
  /** The workspace is still being read; the panel shows how far. */
  | { readonly type: 'indexing'; readonly folderName: string; readonly filesRead: number }
  /** Show the paths into this node (a role), the rest faded; from the "Show in trust graph" lens. */
  | { readonly type: 'focus'; readonly nodeId: string }
  /** The graph could not be had (the language server is not running, a request failed). */
  | { readonly type: 'error'; readonly message: string };

/** Webview → extension. */
export type FromWebviewMessage =
  /** The page has loaded and listens: the extension sends the graph only after this. */
  | { readonly type: 'ready' }
  /** Open a file at a span (a trust statement, a grant, a role's definition). */
  | { readonly type: 'openSource'; readonly source: SourceRef }
  /** Open the documentation page of a rule (docs/rules/<ruleName>.md of the extension). */
  | { readonly type: 'openRuleDocs'; readonly ruleName: string }
  /** Open the README section on iam-atlas.json (from the empty state). */
  | { readonly type: 'openConfigDocs' }
  /** Ask the user where to save an exported image and write it there. PNG as base64, SVG as text. */
  | { readonly type: 'saveImage'; readonly format: 'png' | 'svg'; readonly data: string; readonly suggestedName: string }
  /** Ask for the graph again. */
  | { readonly type: 'refresh' };
