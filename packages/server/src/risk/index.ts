export { estimateMitigation, importNriTable, listRiskCounties, readRiskCounty } from './nri.actions.ts';
export { loadNriTable } from './nri.store.ts';
export { registerRiskRoutes } from './risk.routes.ts';
export {
  createRiskRecord,
  listRiskRecords,
  readRiskRecord,
  summarizeVisibleGaps,
  updateRiskRecord,
} from './risk-records.actions.ts';
export { seedRiskDemo } from './seed-risk-demo.ts';
