export * from './types';
export { buildGraph, GraphInput } from './build';
export { GraphQueries, GraphPath } from './query';
export { WorkspaceIndex, IndexOptions, GRAPH_RULES } from './workspace';
export * from './facts';
