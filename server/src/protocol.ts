/**
 * The custom messages between the extension and the language server, typed once and imported by
 * both sides. Method names are `iamAtlas/...`. Plain data only: no vscode or LSP library types, so
 * the webview and the CLI can import it too.
 */
import { GraphEdge, GraphNode, RiskLevel, TrustGraph } from './core/graph/types';
import type { GuardrailSummary } from './core/governance/summary';

export type { GraphEdge, GraphNode, GuardrailSummary, RiskLevel, TrustGraph };

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
