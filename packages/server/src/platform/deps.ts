import type { AgencyDirectory } from './auth/agency-directory.ts';
import type { Config } from './config.ts';
import type { Database } from './database/database.ts';
import type { RealtimeHub } from './realtime/realtime-hub.ts';

/** Everything an action needs, passed explicitly (no DI framework); tests pass their own clock. */
export type AppDeps = {
  database: Database;
  config: Config;
  agencies: AgencyDirectory;
  hub: RealtimeHub;
  now: () => Date;
};
