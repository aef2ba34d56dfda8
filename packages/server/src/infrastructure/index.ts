export { createEdges, deleteEdge, listEdges, updateEdgeK } from './dependency.actions.ts';
export { createAssets, listAssets, readAsset, updateAsset } from './infrastructure.actions.ts';
export { registerInfrastructureRoutes } from './infrastructure.routes.ts';
export { loadViewerGraph, rankAssets, simulateCascade } from './infrastructure-analysis.ts';
export { seedInfrastructure } from './seed-infrastructure.ts';
