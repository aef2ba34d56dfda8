import { randomUUID } from 'node:crypto';
import {
  type Bulletin,
  type BulletinCreate,
  type BulletinList,
  type BulletinListQuery,
  type BulletinUpdate,
  buildMarking,
  DomainError,
  decideBulletinRetract,
  decideBulletinUpdate,
  isSensitive,
  type JournalDraft,
  type Marking,
  mostRestrictiveTlp,
  sameMarking,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, completeMarkings, insertMarking } from '../platform/access/marking.store.ts';
import type { Trx } from '../platform/database/transaction.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { toBulletinView } from './bulletin-view.ts';
import {
  type BulletinRow,
  findVisibleBulletin,
  insertBulletin,
  listVisibleBulletins,
  updateBulletinRow,
} from './bulletins.store.ts';

function draft(
  viewer: Viewer,
  at: string,
  action: string,
  id: string,
  markingId: string,
  marking: Marking,
  change: JournalDraft['change'],
): JournalDraft {
  return {
    at,
    actorUserId: viewer.userId,
    actorAgencyId: viewer.agencyId,
    action,
    kind: action === 'bulletin.read' ? 'access' : 'change',
    entityType: 'bulletin',
    entityId: id,
    change,
    markingId,
    marking: { tlp: marking.tlp, caveats: marking.caveats, ownerAgencyId: marking.ownerAgencyId },
  };
}

async function loadVisible(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<{ row: BulletinRow; marking: Marking }> {
  const { db } = deps.database;
  const row = await findVisibleBulletin(db, viewer, id);
  // Not there and not yours to see answer the same: a 403 would confirm the bulletin exists.
  if (!row) throw new DomainError('NOT_FOUND', `no bulletin ${id}`);
  const marking = (await completeMarkings(db, [row])).get(row.marking_id);
  if (!marking) throw new Error(`bulletin ${id} points at missing marking ${row.marking_id}`);
  return { row, marking };
}

export async function createBulletin(
  deps: AppDeps,
  viewer: Viewer,
  input: BulletinCreate,
): Promise<Bulletin> {
  const { db, engine } = deps.database;
  const marking = buildMarking(input.marking, { agencyId: viewer.agencyId, userId: viewer.userId });
  await assertShareTargets(db, marking);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const saved = await db.transaction().execute(async (trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const bulletin = {
      id,
      title: input.title,
      body: input.body,
      status: 'published',
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
      retracted_at: null,
      retraction_reason: null,
    };
    await insertBulletin(trx, bulletin);
    const entry = await appendJournal(
      trx,
      engine,
      draft(viewer, at, 'bulletin.created', id, markingId, marking, { title: input.title }),
    );
    return {
      seq: entry.seq,
      row: {
        ...bulletin,
        tlp: marking.tlp,
        caveat_mask: 0,
        owner_agency_id: viewer.agencyId,
        author_user_id: viewer.userId,
      },
    };
  });
  void deps.hub.notify(saved.seq);
  return toBulletinView(saved.row, marking);
}

/**
 * Shows LES or PII content only once its reading is journaled: the entries are written
 * after the query and before the answer, and if they cannot be written nothing is shown.
 */
async function journalSensitiveReads(
  deps: AppDeps,
  viewer: Viewer,
  shown: { id: string; markingId: string; marking: Marking }[],
  via: 'record' | 'list',
): Promise<void> {
  const sensitive = shown.filter((item) => isSensitive(item.marking));
  if (sensitive.length === 0) return;
  const at = deps.now().toISOString();
  try {
    await deps.database.db.transaction().execute(async (trx: Trx) => {
      for (const item of sensitive) {
        await appendJournal(
          trx,
          deps.database.engine,
          draft(viewer, at, 'bulletin.read', item.id, item.markingId, item.marking, { via }),
        );
      }
    });
  } catch {
    throw new DomainError(
      'AUDIT_UNAVAILABLE',
      'sensitive bulletins are shown only when their reading can be journaled',
    );
  }
}

export async function readBulletin(deps: AppDeps, viewer: Viewer, id: string): Promise<Bulletin> {
  const { row, marking } = await loadVisible(deps, viewer, id);
  await journalSensitiveReads(deps, viewer, [{ id, markingId: row.marking_id, marking }], 'record');
  return toBulletinView(row, marking);
}

export async function listBulletins(
  deps: AppDeps,
  viewer: Viewer,
  query: BulletinListQuery,
): Promise<BulletinList> {
  const { db } = deps.database;
  const { rows, total } = await listVisibleBulletins(db, viewer, query);
  const markings = await completeMarkings(db, rows);
  const shown = rows.map((row) => ({
    row,
    id: row.id,
    markingId: row.marking_id,
    marking: markings.get(row.marking_id) as Marking,
  }));
  await journalSensitiveReads(deps, viewer, shown, 'list');
  const items = shown.map(({ row, marking }) => toBulletinView(row, marking));
  return { items, total, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

export async function updateBulletin(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  input: BulletinUpdate,
): Promise<Bulletin> {
  const { db, engine } = deps.database;
  const { row, marking: current } = await loadVisible(deps, viewer, id);
  // The owner stays the owner whoever edits: only TLP, caveats and shares change.
  const proposed = input.marking
    ? buildMarking(input.marking, { agencyId: current.ownerAgencyId, userId: current.authorUserId })
    : undefined;
  const decided = decideBulletinUpdate(
    viewer,
    {
      title: row.title,
      body: row.body,
      status: row.status as 'published',
      version: row.version,
      marking: current,
    },
    {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.version !== undefined ? { version: input.version } : {}),
      ...(proposed ? { marking: proposed } : {}),
    },
  );
  if (Object.keys(decided.changed).length === 0) return toBulletinView(row, current);
  if (proposed) await assertShareTargets(db, proposed);
  const at = deps.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    const markingId = sameMarking(current, decided.marking)
      ? row.marking_id
      : await insertMarking(trx, decided.marking, at);
    const fields = {
      title: decided.title,
      body: decided.body,
      marking_id: markingId,
      version: row.version + 1,
      updated_at: at,
    };
    if (!(await updateBulletinRow(trx, id, row.version, fields))) {
      throw new DomainError('CONFLICT', 'the bulletin changed while you edited it; reload it', {
        field: 'version',
      });
    }
    const entry = await appendJournal(
      trx,
      engine,
      draft(
        viewer,
        at,
        'bulletin.updated',
        id,
        markingId,
        decided.marking,
        decided.changed as JournalDraft['change'],
      ),
    );
    return { seq: entry.seq, row: { ...row, ...fields, tlp: decided.marking.tlp } };
  });
  void deps.hub.notify(saved.seq);
  return toBulletinView(saved.row, decided.marking);
}

export async function retractBulletin(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<Bulletin> {
  const { db, engine } = deps.database;
  const { row, marking } = await loadVisible(deps, viewer, id);
  decideBulletinRetract(viewer, {
    title: row.title,
    body: row.body,
    status: row.status as 'published',
    version: row.version,
    marking,
  });
  const at = deps.now().toISOString();
  const fields = {
    status: 'retracted',
    retracted_at: at,
    retraction_reason: reason,
    version: row.version + 1,
    updated_at: at,
  };
  const entry = await db.transaction().execute(async (trx) => {
    if (!(await updateBulletinRow(trx, id, row.version, fields))) {
      throw new DomainError('CONFLICT', 'the bulletin changed while you retracted it; reload it');
    }
    return appendJournal(
      trx,
      engine,
      draft(viewer, at, 'bulletin.retracted', id, row.marking_id, marking, { reason }),
    );
  });
  void deps.hub.notify(entry.seq);
  return toBulletinView({ ...row, ...fields }, marking);
}
