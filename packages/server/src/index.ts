/** @vigil/server: the imperative shell (HTTP, storage, realtime) around @vigil/core. */
export { addAgency, findAgencyByName, listAgencies } from './agencies/index.ts';
export { createBulletin, listBulletins, readBulletin } from './bulletins/index.ts';
export { type DemoSeedResult, seedDemo } from './demo/index.ts';
export {
  collectionFor as collectionForCli,
  createCollection,
  exportVisibleStix,
  importStixBundle,
  listCollectionsFor,
  listVisibleStixObjects,
  viewerForUser,
} from './interop/index.ts';
export { type Config, loadConfig } from './platform/config.ts';
export { createVigil, openVigilDeps, type Vigil } from './platform/create-vigil.ts';
export {
  type Database,
  type Engine,
  openDatabase,
  redactUrl,
  StorageMisconfiguredError,
} from './platform/database/database.ts';
export { migrateToLatest } from './platform/database/migrate.ts';
export type { AppDeps } from './platform/deps.ts';
export { verifyStoredJournal } from './platform/journal/verify-journal-store.ts';
export { importNriTable, loadNriTable } from './risk/index.ts';
export { addUser, issueApiToken } from './users/index.ts';
