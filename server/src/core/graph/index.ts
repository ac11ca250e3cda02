export * from './types';
export { buildGraph, GraphInput } from './build';
export { GraphQueries, GraphPath } from './query';
export { WorkspaceIndex, IndexOptions } from './workspace';
export * from './facts';
