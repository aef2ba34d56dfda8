export {
  type Asset,
  type AssetCreate,
  type AssetImport,
  type AssetList,
  type AssetListQuery,
  type AssetUpdate,
  assetCreateSchema,
  assetFieldsSchema,
  assetImportSchema,
  assetListQuerySchema,
  assetListSchema,
  assetSchema,
  assetUpdateSchema,
  type CascadeRequest,
  type CascadeResponse,
  cascadeRequestSchema,
  cascadeResponseSchema,
  type Edge,
  type EdgeCreate,
  type EdgeList,
  type EdgeListQuery,
  type EdgeUpdate,
  edgeCreateSchema,
  edgeListQuerySchema,
  edgeListSchema,
  edgeSchema,
  edgeUpdateSchema,
  importFormats,
  type Ranking,
  type RankingQuery,
  rankingQuerySchema,
  rankingSchema,
} from './asset.ts';
export {
  assetCsvColumns,
  assetImportLimits,
  formatAssetCsv,
  formatAssetGeoJson,
  type ImportedAsset,
  parseAssetCsv,
  parseAssetGeoJson,
} from './asset-files.ts';
export {
  type AssetGraph,
  type AssetGraphProblem,
  buildAssetGraph,
  type CascadeFailure,
  type CascadeSummary,
  describeCascade,
  type GraphAsset,
  type GraphEdge,
  sectorCounts,
} from './asset-graph.ts';
export { CsvSyntaxError, csvField, csvLimits, readCsvRows } from './csv-text.ts';
export { assertMayEditAsset, decideAssetMarking, decideRequirementK } from './decide-asset.ts';
export {
  compileDependencyGraph,
  type DependencyGraph,
  type GraphArrays,
  type GraphProblem,
} from './dependency-graph.ts';
export { findImmediateDominators } from './dominator-tree.ts';
export {
  type CascadeResult,
  CascadeWorkspace,
  findCascadingFailures,
  resetWorkspace,
  runCascade,
} from './find-cascading-failures.ts';
export {
  type CountyShape,
  type Footprint,
  findCountyOf,
  isInFootprint,
  isInsideMultiPolygon,
  isInsidePolygon,
  type PolygonRings,
  type Position,
  polygonRingsSchema,
  toCountyShape,
} from './footprint.ts';
export {
  edgeColumns,
  type GraphEdgeRow,
  GraphFileError,
  type GraphNodeRow,
  nodeColumns,
  parseGraphEdges,
  parseGraphNodes,
  readGraphFiles,
} from './graph-files.ts';
export {
  assignPopulationToNearest,
  findNearestSites,
  inferPowerDependencies,
  type PowerRole,
  type Site,
} from './infer-dependencies.ts';
export {
  isPlainRedundancy,
  orderByImpact,
  rankSinglePointsOfFailure,
  type SinglePointImpacts,
  sectorCount,
} from './rank-single-points-of-failure.ts';
export {
  type CisaSector,
  cisaSectors,
  type DependencyType,
  dependencyTypeIndex,
  dependencyTypeSchema,
  dependencyTypes,
  parseSector,
  sectorIndex,
  sectorName,
  sectorSchema,
  sectorSlugs,
} from './sectors.ts';
