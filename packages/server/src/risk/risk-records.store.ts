import type { RiskRecordKind, RiskRecordListQuery, Viewer } from '@vigil/core';
import { visibleMarkings } from '../platform/access/visible-markings.ts';
import type { RiskRecordTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export type RiskRecordRow = RiskRecordTable & { tlp: string; author_user_id: string };

/** Every query for planner records joins the marking and applies the visibility rule in SQL. */
function visibleRecords(db: Executor, viewer: Viewer, kind: RiskRecordKind) {
  return db
    .selectFrom('risk_records as r')
    .innerJoin('markings as m', 'm.id', 'r.marking_id')
    .where('r.kind', '=', kind)
    .where(visibleMarkings(viewer));
}

const columns = [
  'r.id',
  'r.kind',
  'r.parent_id',
  'r.title',
  'r.data',
  'r.marking_id',
  'r.version',
  'r.created_at',
  'r.updated_at',
  'm.tlp',
  'm.author_user_id',
] as const;

/** Undefined both when absent and when hidden from the viewer: the caller answers 404 either way. */
export async function findVisibleRiskRecord(
  db: Executor,
  viewer: Viewer,
  kind: RiskRecordKind,
  id: string,
): Promise<RiskRecordRow | undefined> {
  return visibleRecords(db, viewer, kind).select(columns).where('r.id', '=', id).executeTakeFirst();
}

export async function listVisibleRiskRecords(
  db: Executor,
  viewer: Viewer,
  kind: RiskRecordKind,
  query: RiskRecordListQuery,
): Promise<{ rows: RiskRecordRow[]; total: number }> {
  let filtered = visibleRecords(db, viewer, kind);
  if (query.parentId) filtered = filtered.where('r.parent_id', '=', query.parentId);
  const [rows, count] = await Promise.all([
    filtered
      .select(columns)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** All visible records of a kind, for summaries (the SPR gap summary reads every target). */
export async function listAllVisibleRiskRecords(
  db: Executor,
  viewer: Viewer,
  kind: RiskRecordKind,
): Promise<RiskRecordRow[]> {
  return visibleRecords(db, viewer, kind).select(columns).orderBy('r.created_at').limit(10_000).execute();
}

export async function insertRiskRecord(db: Executor, row: RiskRecordTable): Promise<void> {
  await db.insertInto('risk_records').values(row).execute();
}

export async function updateRiskRecordRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  fields: Partial<Omit<RiskRecordTable, 'id' | 'kind'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('risk_records')
    .set(fields)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
