export { exportVisibleStix } from './export-visible-stix.ts';
export {
  type CollectionCreate,
  collectionCreateSchema,
  collectionFor,
  createCollection,
  importStixBundle,
  ingestCapAlerts,
  loadCapAlert,
  type TaxiiStatus,
  viewerForUser,
} from './interop.actions.ts';
export { registerInteropRoutes } from './interop.routes.ts';
export { listCollectionsFor, listVisibleStixObjects } from './interop.store.ts';
export { demoCollectionAlias, seedInteropDemo } from './seed-interop-demo.ts';
export { StandardsPool, standardsPool } from './standards-pool.ts';
export { registerTaxiiRoutes, taxiiRoot } from './taxii.routes.ts';
