import type { NriCounty, NriTable } from '@vigil/core';
import { findNriRelease } from '@vigil/core';
import type { Executor } from '../platform/database/transaction.ts';

type Cached = { stamp: string; table: NriTable | null };
/** Parsed tables per database handle: the table changes only on import, reads are many. */
const cache = new WeakMap<object, Cached>();

/**
 * Replaces the counties of the imported table, inside the caller's transaction. A table
 * of another release replaces everything, since one release's VSL applies to all rows.
 */
export async function saveNriTable(trx: Executor, table: NriTable, at: string): Promise<void> {
  const other = await trx
    .selectFrom('nri_counties')
    .select('stcofips')
    .where('release_name', '!=', table.release.name)
    .limit(1)
    .execute();
  if (other.length > 0) await trx.deleteFrom('nri_counties').execute();
  const fips = table.counties.map((county) => county.stcofips);
  for (let i = 0; i < fips.length; i += 200) {
    await trx
      .deleteFrom('nri_counties')
      .where('stcofips', 'in', fips.slice(i, i + 200))
      .execute();
  }
  for (let i = 0; i < table.counties.length; i += 100) {
    await trx
      .insertInto('nri_counties')
      .values(
        table.counties.slice(i, i + 100).map((county) => ({
          stcofips: county.stcofips,
          county: county.county,
          release_name: table.release.name,
          data: JSON.stringify(county),
          imported_at: at,
        })),
      )
      .execute();
  }
}

export function forgetNriTable(db: object): void {
  cache.delete(db);
}

/** The imported table, or null before any import. Re-read when another process imported since. */
export async function loadNriTable(db: Executor): Promise<NriTable | null> {
  const head = await db
    .selectFrom('nri_counties')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('last')])
    .executeTakeFirstOrThrow();
  const stamp = `${Number(head.n)}@${head.last ?? ''}`;
  const cached = cache.get(db);
  if (cached && cached.stamp === stamp) return cached.table;
  const rows = await db
    .selectFrom('nri_counties')
    .select(['data', 'release_name'])
    .orderBy('stcofips')
    .execute();
  const first = rows[0];
  let table: NriTable | null = null;
  if (first) {
    const release = findNriRelease(first.release_name);
    if (!release) throw new Error(`stored NRI release ${first.release_name} is unknown to this version`);
    table = { release, counties: rows.map((row) => JSON.parse(row.data) as NriCounty) };
  }
  cache.set(db, { stamp, table });
  return table;
}
