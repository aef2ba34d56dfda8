import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type JournalDraft,
  type Marking,
  type TlpLabel,
  tlpLabelSchema,
  type Viewer,
} from '@vigil/core';
import type { CapVerdict } from '@vigil/core/standards/cap';
import type { StixBundleVerdict } from '@vigil/core/standards/stix';
import { z } from 'zod';
import { assertShareTargets, insertMarking } from '../platform/access/marking.store.ts';
import { viewerFromUser } from '../platform/auth/principal.ts';
import type { Trx } from '../platform/database/transaction.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import {
  type CollectionAccess,
  findVisibleCapAlert,
  insertCapAlert,
  insertStatus,
  insertStixObjects,
  listCollectionsFor,
  readerAgencyIds,
} from './interop.store.ts';

export const collectionCreateSchema = z.strictObject({
  title: z.string().trim().min(2).max(200),
  description: z.string().max(2000).default(''),
  alias: z
    .string()
    .regex(/^[a-z0-9-]{2,100}$/)
    .optional(),
  defaultTlp: tlpLabelSchema.default('AMBER'),
  access: z
    .array(
      z.strictObject({ agencyId: z.string().min(1).max(64), canRead: z.boolean(), canWrite: z.boolean() }),
    )
    .max(500)
    .default([]),
});
export type CollectionCreate = z.infer<typeof collectionCreateSchema>;

export function entry(
  viewer: Viewer,
  at: string,
  action: string,
  entityType: string,
  entityId: string,
  change: JournalDraft['change'],
  marking: { id: string; value: Marking } | null,
): JournalDraft {
  return {
    at,
    actorUserId: viewer.userId,
    actorAgencyId: viewer.agencyId,
    action,
    kind: 'change',
    entityType,
    entityId,
    change,
    markingId: marking?.id ?? null,
    marking: marking
      ? { tlp: marking.value.tlp, caveats: marking.value.caveats, ownerAgencyId: marking.value.ownerAgencyId }
      : null,
  };
}

export async function createCollection(
  deps: AppDeps,
  viewer: Viewer,
  input: CollectionCreate,
): Promise<string> {
  const { db, engine } = deps.database;
  await assertShareTargets(
    db,
    {
      ownerAgencyId: viewer.agencyId,
      authorUserId: viewer.userId,
      tlp: 'AMBER',
      caveats: [],
      shareAgencyIds: input.access.map((a) => a.agencyId),
      shareUserIds: [],
    },
    'access',
  );
  const id = randomUUID();
  const at = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('taxii_collections')
      .values({
        id,
        title: input.title,
        description: input.description,
        alias: input.alias ?? null,
        owner_agency_id: viewer.agencyId,
        default_tlp: input.defaultTlp,
        created_at: at,
      })
      .execute();
    for (const grant of input.access) {
      await trx
        .insertInto('taxii_collection_access')
        .values({
          collection_id: id,
          agency_id: grant.agencyId,
          can_read: grant.canRead ? 1 : 0,
          can_write: grant.canWrite ? 1 : 0,
        })
        .execute();
    }
    await appendJournal(
      trx,
      engine,
      entry(viewer, at, 'taxii-collection.created', 'taxii-collection', id, { title: input.title }, null),
    );
  });
  void deps.hub.notify();
  return id;
}

/** The collection as the viewer may use it; absent and not granted both answer 404. */
export async function collectionFor(deps: AppDeps, viewer: Viewer, id: string): Promise<CollectionAccess> {
  const found = (await listCollectionsFor(deps.database.db, viewer)).find(
    (c) => c.id === id || c.alias === id,
  );
  if (!found) throw new DomainError('NOT_FOUND', `no collection ${id}`);
  return found;
}

export type TaxiiStatus = {
  id: string;
  status: 'complete';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes: { id: string; version: string }[];
  failure_count: number;
  failures: { id: string; version: string; message: string }[];
  pending_count: 0;
  pendings: [];
};

/**
 * Stores the valid objects of a checked bundle in a collection the viewer may write to. Each
 * object becomes a marked record: its TLP (or the collection's default) owned by the importer's
 * agency and, for AMBER labels, shared with the agencies that read the collection. Invalid
 * objects are reported in the status, never stored. One transaction, one journal entry per label.
 */
export async function importStixBundle(
  deps: AppDeps,
  viewer: Viewer,
  collection: CollectionAccess,
  verdict: StixBundleVerdict,
): Promise<TaxiiStatus> {
  if (!collection.can_write)
    throw new DomainError('PERMISSION_DENIED', `collection ${collection.id} is read-only for you`);
  const { db, engine } = deps.database;
  const at = deps.now().toISOString();
  const readers = (await readerAgencyIds(db, collection.id)).filter((id) => id !== viewer.agencyId);
  const valid = verdict.objects.filter((o) => o.valid);
  const failures = verdict.objects
    .filter((o) => !o.valid)
    .map((o) => ({
      id: o.id,
      version: o.version,
      message: o.errors
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')
        .slice(0, 1000),
    }));
  const status: TaxiiStatus = {
    id: randomUUID(),
    status: 'complete',
    request_timestamp: at,
    total_count: verdict.objects.length,
    success_count: valid.length,
    successes: valid.map((o) => ({ id: o.id, version: o.version })),
    failure_count: failures.length,
    failures,
    pending_count: 0,
    pendings: [],
  };
  await db.transaction().execute(async (trx: Trx) => {
    const markings = new Map<TlpLabel, { id: string; value: Marking }>();
    const markingFor = async (tlp: TlpLabel) => {
      let marking = markings.get(tlp);
      if (!marking) {
        const value: Marking = {
          ownerAgencyId: viewer.agencyId,
          authorUserId: viewer.userId,
          tlp,
          caveats: [],
          shareAgencyIds: tlp === 'AMBER' || tlp === 'AMBER+STRICT' ? readers : [],
          shareUserIds: [],
        };
        marking = { id: await insertMarking(trx, value, at), value };
        markings.set(tlp, marking);
      }
      return marking;
    };
    const rows = [];
    for (const object of valid) {
      const marking = await markingFor(object.tlp ?? (collection.default_tlp as TlpLabel));
      rows.push({
        collection_id: collection.id,
        object_id: object.id,
        version: object.version || at,
        type: object.type,
        spec_version: typeof object.object.spec_version === 'string' ? object.object.spec_version : '2.1',
        date_added: at,
        object_json: JSON.stringify(object.object),
        marking_id: marking.id,
      });
    }
    await insertStixObjects(trx, rows);
    await insertStatus(trx, {
      id: status.id,
      collection_id: collection.id,
      requested_by: viewer.userId,
      request_timestamp: at,
      total_count: status.total_count,
      success_count: status.success_count,
      failure_count: status.failure_count,
      successes: JSON.stringify(status.successes),
      failures: JSON.stringify(status.failures),
    });
    for (const [tlp, marking] of markings) {
      const ids = rows.filter((r) => r.marking_id === marking.id).map((r) => r.object_id);
      await appendJournal(
        trx,
        engine,
        entry(
          viewer,
          at,
          'stix.imported',
          'taxii-collection',
          collection.id,
          { tlp, count: ids.length, status: status.id, first: ids.slice(0, 20) },
          marking,
        ),
      );
    }
  });
  void deps.hub.notify();
  return status;
}

/** CAP scope to TLP when the sender gives no label: a policy, stated here once. */
const tlpOfScope: Record<string, TlpLabel> = {
  Public: 'CLEAR',
  Restricted: 'AMBER',
  Private: 'AMBER+STRICT',
};

/**
 * Stores received CAP alerts as marked records. All or nothing: if any alert is invalid,
 * nothing is written and the verdicts say why. A repeated alert (same sender, identifier and
 * sent) is not stored twice.
 */
export async function ingestCapAlerts(
  deps: AppDeps,
  viewer: Viewer,
  verdicts: CapVerdict[],
  tlp: TlpLabel | undefined,
): Promise<{ id: string; identifier: string; duplicate: boolean }[]> {
  const invalid = verdicts.findIndex((v) => !v.valid);
  if (invalid >= 0) {
    const bad = verdicts[invalid] as CapVerdict;
    throw new DomainError('VALIDATION_FAILED', `alert ${bad.identifier || invalid} is not valid CAP`, {
      details: bad.errors.map((e) => ({
        field: `${bad.location}${e.path ? `.${e.path}` : ''}`,
        message: e.message,
      })),
    });
  }
  if (verdicts.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'no CAP alert in the document', { field: 'body' });
  const { db, engine } = deps.database;
  const at = deps.now().toISOString();
  const stored: { id: string; identifier: string; duplicate: boolean }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const verdict of verdicts) {
      const value: Marking = {
        ownerAgencyId: viewer.agencyId,
        authorUserId: viewer.userId,
        tlp: tlp ?? tlpOfScope[verdict.alert.scope] ?? 'AMBER',
        caveats: [],
        shareAgencyIds: [],
        shareUserIds: [],
      };
      const markingId = await insertMarking(trx, value, at);
      const id = randomUUID();
      const inserted = await insertCapAlert(trx, {
        id,
        identifier: verdict.alert.identifier,
        sender: verdict.alert.sender,
        sent: verdict.alert.sent,
        status: verdict.alert.status,
        msg_type: verdict.alert.msgType,
        scope: verdict.alert.scope,
        event: verdict.alert.info[0]?.event ?? '',
        source_version: verdict.version,
        signature_status: verdict.signature.status,
        alert_json: JSON.stringify(verdict.alert),
        marking_id: markingId,
        received_at: at,
      });
      if (!inserted) {
        stored.push({ id: '', identifier: verdict.alert.identifier, duplicate: true });
        continue;
      }
      await appendJournal(
        trx,
        engine,
        entry(
          viewer,
          at,
          'cap-alert.received',
          'cap-alert',
          id,
          { identifier: verdict.alert.identifier, sender: verdict.alert.sender },
          { id: markingId, value },
        ),
      );
      stored.push({ id, identifier: verdict.alert.identifier, duplicate: false });
    }
  });
  void deps.hub.notify();
  return stored;
}

export async function loadCapAlert(deps: AppDeps, viewer: Viewer, id: string) {
  const row = await findVisibleCapAlert(deps.database.db, viewer, id);
  if (!row) throw new DomainError('NOT_FOUND', `no CAP alert ${id}`);
  return row;
}

/** The viewer a CLI command acts as (`--user` takes an id or an e-mail); only active users act. */
export async function viewerForUser(deps: AppDeps, idOrEmail: string): Promise<Viewer> {
  const row = await deps.database.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrEmail), eb('email', '=', idOrEmail.toLowerCase())]))
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', `no active user ${idOrEmail}`, { field: 'user' });
  return viewerFromUser(row, await deps.agencies.ancestorsOf(row.agency_id));
}
