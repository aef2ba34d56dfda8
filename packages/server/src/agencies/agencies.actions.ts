import { randomUUID } from 'node:crypto';
import { type Agency, type AgencyCreate, type AgencyUpdate, DomainError, type Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { adminEntry } from '../platform/journal/admin-entry.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { findAgency, findAgencyByName, insertAgency, updateAgencyRow } from './agencies.store.ts';

/** `actor` is null when the CLI acts as the operator of the installation. */
export async function addAgency(deps: AppDeps, actor: Viewer | null, input: AgencyCreate): Promise<Agency> {
  const { db, engine } = deps.database;
  if (input.parentId && !(await findAgency(db, input.parentId))) {
    throw new DomainError('VALIDATION_FAILED', `no agency ${input.parentId}`, { field: 'parentId' });
  }
  if (await findAgencyByName(db, input.name)) {
    throw new DomainError('CONFLICT', `an agency named ${input.name} exists`, { field: 'name' });
  }
  const at = deps.now().toISOString();
  const agency: Agency = {
    id: randomUUID(),
    name: input.name,
    kind: input.kind,
    parentId: input.parentId ?? null,
    jurisdiction: input.jurisdiction ?? [],
    active: true,
    createdAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await insertAgency(trx, agency);
    await appendJournal(
      trx,
      engine,
      adminEntry(actor, at, 'agency.created', 'agency', agency.id, { name: agency.name, kind: agency.kind }),
    );
  });
  void deps.hub.notify();
  return agency;
}

export async function changeAgency(
  deps: AppDeps,
  actor: Viewer,
  id: string,
  input: AgencyUpdate,
): Promise<Agency> {
  const { db, engine } = deps.database;
  const agency = await findAgency(db, id);
  if (!agency) throw new DomainError('NOT_FOUND', `no agency ${id}`);
  const fields = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    ...(input.jurisdiction !== undefined ? { jurisdiction: JSON.stringify(input.jurisdiction) } : {}),
  };
  const at = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateAgencyRow(trx, id, fields);
    await appendJournal(trx, engine, adminEntry(actor, at, 'agency.updated', 'agency', id, { ...input }));
  });
  void deps.hub.notify();
  return { ...agency, ...input };
}
