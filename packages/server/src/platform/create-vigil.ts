import { AgencyDirectory } from './auth/agency-directory.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './database/database.ts';
import { migrateToLatest } from './database/migrate.ts';
import type { AppDeps } from './deps.ts';
import type { App } from './http/app-type.ts';
import { buildApp } from './http/build-app.ts';
import { RealtimeHub } from './realtime/realtime-hub.ts';

export type Vigil = { app: App; deps: AppDeps; close(): Promise<void> };

/** Store and deps without HTTP or realtime, for CLI commands: migrated, hub idle. */
export async function openVigilDeps(
  config: Config,
  options: { now?: () => Date } = {},
): Promise<{ deps: AppDeps; close(): Promise<void> }> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const deps: AppDeps = {
    database,
    config,
    agencies: new AgencyDirectory(database.db),
    hub: new RealtimeHub(database),
    now: options.now ?? (() => new Date()),
  };
  return { deps, close: () => database.close() };
}

/** Opens the store, migrates it, starts the realtime hub and builds the HTTP app. */
export async function createVigil(
  config: Config,
  options: { now?: () => Date; database?: Database } = {},
): Promise<Vigil> {
  const database = options.database ?? openDatabase(config.databaseUrl);
  let hub: RealtimeHub | undefined;
  try {
    await migrateToLatest(database.db);
    hub = new RealtimeHub(database);
    await hub.start();
    const deps: AppDeps = {
      database,
      config,
      agencies: new AgencyDirectory(database.db),
      hub,
      now: options.now ?? (() => new Date()),
    };
    const app = await buildApp(deps);
    const started = hub;
    started.reportErrorsTo((error) =>
      app.log.error({ err: error }, 'realtime hub could not read the journal'),
    );
    return {
      app,
      deps,
      async close() {
        await app.close();
        await started.stop();
        await database.close();
      },
    };
  } catch (error) {
    // A start that fails after the hub listens (e.g. a bad setting met while building the app) must
    // release its PostgreSQL LISTEN connection, or closing the pool waits for it forever.
    await hub?.stop();
    await database.close();
    throw error;
  }
}
