import type { BulletinListQuery, Viewer } from '@vigil/core';
import { type SqlBool, sql } from 'kysely';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type { BulletinTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type BulletinRow = BulletinTable & {
  tlp: string;
  caveat_mask: number;
  owner_agency_id: string;
  author_user_id: string;
};

function visibleBulletins(db: Executor, viewer: Viewer) {
  return db
    .selectFrom('bulletins as b')
    .innerJoin('markings as m', 'm.id', 'b.marking_id')
    .where(visibleMarkings(viewer));
}

const columns = [
  'b.id',
  'b.title',
  'b.body',
  'b.status',
  'b.marking_id',
  'b.version',
  'b.created_at',
  'b.updated_at',
  'b.retracted_at',
  'b.retraction_reason',
  'm.tlp',
  'm.caveat_mask',
  'm.owner_agency_id',
  'm.author_user_id',
] as const;

/** Null both when it does not exist and when the viewer may not see it: the caller answers 404 either way. */
export async function findVisibleBulletin(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<BulletinRow | undefined> {
  return visibleBulletins(db, viewer).select(columns).where('b.id', '=', id).executeTakeFirst();
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listVisibleBulletins(
  db: Executor,
  viewer: Viewer,
  query: BulletinListQuery,
): Promise<{ rows: BulletinRow[]; total: number }> {
  let filtered = visibleBulletins(db, viewer);
  if (query.tlp) filtered = filtered.where('m.tlp', '=', query.tlp);
  if (query.agencyId) filtered = filtered.where('m.owner_agency_id', '=', query.agencyId);
  if (query.status) filtered = filtered.where('b.status', '=', query.status);
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where(
      sql<SqlBool>`(lower(b.title) like ${pattern} escape '\\' or lower(b.body) like ${pattern} escape '\\')`,
    );
  }
  const [rows, count] = await Promise.all([
    filtered
      .select(columns)
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function insertBulletin(db: Executor, row: BulletinTable): Promise<void> {
  await db.insertInto('bulletins').values(row).execute();
}

export async function updateBulletinRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<BulletinTable, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('bulletins')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
