import type { BulletinListQuery, Viewer } from '@vigil/core';
import { type SqlBool, sql } from 'kysely';
import {
  type ViewerShape,
  type ViewerValues,
  viewerParameters,
  visibleMarkingsOf,
} from '../platform/access/visible-markings.ts';
import { ResultsByDataVersion } from '../platform/database/data-version.ts';
import { preparedQuery } from '../platform/database/prepared-query.ts';
import type { BulletinTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type BulletinRow = BulletinTable & {
  tlp: string;
  caveat_mask: number;
  owner_agency_id: string;
  author_user_id: string;
};

function visibleBulletins(db: Executor, viewer: ViewerValues, shape: ViewerShape) {
  return db
    .selectFrom('bulletins as b')
    .innerJoin('markings as m', 'm.id', 'b.marking_id')
    .where(visibleMarkingsOf(viewer, shape));
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

const findVisible = preparedQuery((db, v: ViewerValues & { id: string }, s: ViewerShape) =>
  visibleBulletins(db, v, s).select(columns).where('b.id', '=', v.id),
);

/** Null both when it does not exist and when the viewer may not see it: the caller answers 404 either way. */
export async function findVisibleBulletin(
  db: Executor,
  viewer: Viewer,
  id: string,
): Promise<BulletinRow | undefined> {
  const access = viewerParameters(viewer);
  return findVisible.executeTakeFirst(db, { ...access.values, id }, access.shape);
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type ListFilters = {
  filterTlp?: string | undefined;
  filterOwnerAgencyId?: string | undefined;
  filterStatus?: string | undefined;
  filterPattern?: string | undefined;
};

function filteredBulletins(db: Executor, v: ViewerValues & ListFilters, s: ViewerShape) {
  let filtered = visibleBulletins(db, v, s);
  if (v.filterTlp !== undefined) filtered = filtered.where('m.tlp', '=', v.filterTlp);
  if (v.filterOwnerAgencyId !== undefined)
    filtered = filtered.where('m.owner_agency_id', '=', v.filterOwnerAgencyId);
  if (v.filterStatus !== undefined) filtered = filtered.where('b.status', '=', v.filterStatus);
  if (v.filterPattern !== undefined) {
    const pattern = v.filterPattern;
    filtered = filtered.where(
      sql<SqlBool>`(lower(b.title) like ${pattern} escape '\\' or lower(b.body) like ${pattern} escape '\\')`,
    );
  }
  return filtered;
}

const listPage = preparedQuery(
  (db, v: ViewerValues & ListFilters & { limit: number; offset: number }, s: ViewerShape) =>
    filteredBulletins(db, v, s)
      .select(columns)
      .orderBy('b.created_at', 'desc')
      .orderBy('b.id')
      .limit(v.limit)
      .offset(v.offset),
);

const countVisible = preparedQuery((db, v: ViewerValues & ListFilters, s: ViewerShape) =>
  filteredBulletins(db, v, s).select((eb) => eb.fn.countAll<number>().as('total')),
);

/**
 * The exact total of a list costs a pass over every bulletin (the page stops after its
 * rows): it is reused while nothing was written to the database, per viewer and filters.
 */
const visibleTotals = new ResultsByDataVersion<number>();

export async function listVisibleBulletins(
  db: Executor,
  viewer: Viewer,
  query: BulletinListQuery,
): Promise<{ rows: BulletinRow[]; total: number }> {
  const access = viewerParameters(viewer);
  const values = {
    ...access.values,
    filterTlp: query.tlp || undefined,
    filterOwnerAgencyId: query.agencyId || undefined,
    filterStatus: query.status || undefined,
    filterPattern: query.q ? likePattern(query.q) : undefined,
  };
  const [rows, total] = await Promise.all([
    listPage.execute(db, { ...values, limit: query.limit, offset: query.offset }, access.shape),
    visibleTotals.get(db, JSON.stringify([access.shape, values]), async () =>
      Number((await countVisible.executeTakeFirst(db, values, access.shape))?.total ?? 0),
    ),
  ]);
  return { rows, total };
}

const insertRow = preparedQuery((db, v: BulletinTable) => db.insertInto('bulletins').values(v));

export async function insertBulletin(db: Executor, row: BulletinTable): Promise<void> {
  await insertRow.run(db, row, {});
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
