import type { AgencyDirectory } from './auth/agency-directory.ts';
import type { AuthDeps } from './auth/authenticate.ts';
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

export function authDepsOf(deps: AppDeps): AuthDeps {
  return {
    db: deps.database.db,
    agencies: deps.agencies,
    idleTimeoutMs: deps.config.idleTimeoutMs,
    now: deps.now,
  };
}
