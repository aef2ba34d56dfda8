import type { Agency } from '@vigil/core';
import type { AgencyTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

export function toAgency(row: AgencyTable): Agency {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Agency['kind'],
    parentId: row.parent_id,
    jurisdiction: JSON.parse(row.jurisdiction) as string[],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function listAgencies(db: Executor): Promise<Agency[]> {
  const rows = await db.selectFrom('agencies').selectAll().orderBy('name').execute();
  return rows.map(toAgency);
}

export async function findAgency(db: Executor, id: string): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

export async function findAgencyByName(db: Executor, name: string): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

export async function insertAgency(db: Executor, agency: Agency): Promise<void> {
  await db
    .insertInto('agencies')
    .values({
      id: agency.id,
      name: agency.name,
      kind: agency.kind,
      parent_id: agency.parentId,
      jurisdiction: JSON.stringify(agency.jurisdiction),
      active: agency.active ? 1 : 0,
      created_at: agency.createdAt,
    })
    .execute();
}

export async function updateAgencyRow(db: Executor, id: string, fields: Partial<AgencyTable>): Promise<void> {
  await db.updateTable('agencies').set(fields).where('id', '=', id).execute();
}
