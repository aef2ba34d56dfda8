import { randomUUID } from 'node:crypto';
import {
  buildMarking,
  type CapabilityGap,
  type CapabilityTarget,
  DomainError,
  decideRiskRecordUpdate,
  isSensitive,
  type JournalDraft,
  type Marking,
  type MarkingInput,
  mostRestrictiveTlp,
  type RiskRecord,
  type RiskRecordKind,
  type RiskRecordList,
  type RiskRecordListQuery,
  riskRecordKinds,
  type SprAssessment,
  sameMarking,
  summarizeCapabilityGaps,
  type TlpLabel,
  titleOfRiskRecord,
  type Viewer,
} from '@vigil/core';
import { assertShareTargets, insertMarking, loadMarkings } from '../platform/access/marking.store.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { toRiskRecordView } from './risk-record-view.ts';
import {
  findVisibleRiskRecord,
  insertRiskRecord,
  listAllVisibleRiskRecords,
  listVisibleRiskRecords,
  type RiskRecordRow,
  updateRiskRecordRow,
} from './risk-records.store.ts';

type Data = Record<string, unknown>;

function draft(
  viewer: Viewer,
  at: string,
  kind: RiskRecordKind,
  verb: 'created' | 'updated' | 'read',
  id: string,
  markingId: string,
  marking: Marking,
  change: JournalDraft['change'],
): JournalDraft {
  const entity = riskRecordKinds[kind].entity;
  return {
    at,
    actorUserId: viewer.userId,
    actorAgencyId: viewer.agencyId,
    action: `${entity}.${verb}`,
    kind: verb === 'read' ? 'access' : 'change',
    entityType: entity,
    entityId: id,
    change,
    markingId,
    marking: { tlp: marking.tlp, caveats: marking.caveats, ownerAgencyId: marking.ownerAgencyId },
  };
}

const singular: Record<RiskRecordKind, string> = {
  'climate-scenarios': 'climate scenario',
  'thira-scenarios': 'THIRA scenario',
  'capability-targets': 'capability target',
  'spr-assessments': 'SPR assessment',
  threats: 'threat register entry',
};

async function loadVisible(deps: AppDeps, viewer: Viewer, kind: RiskRecordKind, id: string) {
  const { db } = deps.database;
  const row = await findVisibleRiskRecord(db, viewer, kind, id);
  // Absent and hidden answer alike: a 403 would confirm the record exists.
  if (!row) throw new DomainError('NOT_FOUND', `no ${singular[kind]} ${id}`);
  const marking = (await loadMarkings(db, [row.marking_id])).get(row.marking_id);
  if (!marking) throw new Error(`risk record ${id} points at missing marking ${row.marking_id}`);
  return { row, marking };
}

/**
 * A target hangs from a scenario, an assessment from a target: the parent must be one the
 * author may see, and an assessment speaks in its target's metrics.
 */
async function resolveParent(deps: AppDeps, viewer: Viewer, kind: RiskRecordKind, data: Data) {
  const parent = riskRecordKinds[kind].parent;
  if (!parent) return null;
  const parentId = String(data[parent.field]);
  const row = await findVisibleRiskRecord(deps.database.db, viewer, parent.kind, parentId);
  if (!row) {
    throw new DomainError('VALIDATION_FAILED', `no ${singular[parent.kind]} ${parentId}`, {
      field: `data.${parent.field}`,
    });
  }
  if (kind === 'spr-assessments') {
    const metrics = (JSON.parse(row.data) as CapabilityTarget).criticalTasks.map((task) => task.metric);
    (data as SprAssessment).current.forEach((quantity, i) => {
      if (!metrics.includes(quantity.metric)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `the target measures ${metrics.map((m) => JSON.stringify(m)).join(', ')}, not ${JSON.stringify(quantity.metric)}`,
          { field: `data.current[${i}].metric` },
        );
      }
    });
  }
  return parentId;
}

export async function createRiskRecord(
  deps: AppDeps,
  viewer: Viewer,
  kind: RiskRecordKind,
  input: { data: Data; marking: MarkingInput },
): Promise<RiskRecord> {
  const { db, engine } = deps.database;
  const marking = buildMarking(input.marking, { agencyId: viewer.agencyId, userId: viewer.userId });
  await assertShareTargets(db, marking);
  const parentId = await resolveParent(deps, viewer, kind, input.data);
  const at = deps.now().toISOString();
  const id = randomUUID();
  const title = titleOfRiskRecord(kind, input.data).slice(0, 200);
  const row = await db.transaction().execute(async (trx) => {
    const markingId = await insertMarking(trx, marking, at);
    const record = {
      id,
      kind,
      parent_id: parentId,
      title,
      data: JSON.stringify(input.data),
      marking_id: markingId,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await insertRiskRecord(trx, record);
    await appendJournal(trx, engine, draft(viewer, at, kind, 'created', id, markingId, marking, { title }));
    return { ...record, tlp: marking.tlp, author_user_id: viewer.userId };
  });
  void deps.hub.notify();
  return toRiskRecordView(row, marking);
}

/** LES or PII content is shown only once its reading is journaled; if that fails, nothing is shown. */
async function journalSensitiveReads(
  deps: AppDeps,
  viewer: Viewer,
  kind: RiskRecordKind,
  shown: { row: RiskRecordRow; marking: Marking }[],
  via: 'record' | 'list',
): Promise<void> {
  const sensitive = shown.filter((item) => isSensitive(item.marking));
  if (sensitive.length === 0) return;
  const at = deps.now().toISOString();
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      for (const { row, marking } of sensitive) {
        await appendJournal(
          trx,
          deps.database.engine,
          draft(viewer, at, kind, 'read', row.id, row.marking_id, marking, { via }),
        );
      }
    });
  } catch {
    throw new DomainError(
      'AUDIT_UNAVAILABLE',
      'sensitive records are shown only when their reading can be journaled',
    );
  }
}

export async function readRiskRecord(
  deps: AppDeps,
  viewer: Viewer,
  kind: RiskRecordKind,
  id: string,
): Promise<RiskRecord> {
  const loaded = await loadVisible(deps, viewer, kind, id);
  await journalSensitiveReads(deps, viewer, kind, [loaded], 'record');
  return toRiskRecordView(loaded.row, loaded.marking);
}

export async function listRiskRecords(
  deps: AppDeps,
  viewer: Viewer,
  kind: RiskRecordKind,
  query: RiskRecordListQuery,
): Promise<RiskRecordList> {
  const { db } = deps.database;
  const { rows, total } = await listVisibleRiskRecords(db, viewer, kind, query);
  const markings = await loadMarkings(
    db,
    rows.map((row) => row.marking_id),
  );
  const shown = rows.map((row) => ({ row, marking: markings.get(row.marking_id) as Marking }));
  await journalSensitiveReads(deps, viewer, kind, shown, 'list');
  const items = shown.map(({ row, marking }) => toRiskRecordView(row, marking));
  return { items, total, marking: mostRestrictiveTlp(items.map((item) => item.marking.tlp)) };
}

export async function updateRiskRecord(
  deps: AppDeps,
  viewer: Viewer,
  kind: RiskRecordKind,
  id: string,
  input: { data?: Data | undefined; marking?: MarkingInput | undefined; version?: number | undefined },
): Promise<RiskRecord> {
  const { db, engine } = deps.database;
  const { row, marking: current } = await loadVisible(deps, viewer, kind, id);
  // The owner stays the owner whoever edits: only the label, caveats and shares change.
  const proposed = input.marking
    ? buildMarking(input.marking, { agencyId: current.ownerAgencyId, userId: current.authorUserId })
    : undefined;
  const marking = decideRiskRecordUpdate(
    viewer,
    { marking: current, version: row.version },
    { ...(proposed ? { marking: proposed } : {}), ...(input.version ? { version: input.version } : {}) },
  );
  if (proposed) await assertShareTargets(db, proposed);
  const parentId = input.data ? await resolveParent(deps, viewer, kind, input.data) : row.parent_id;
  const data = input.data ? JSON.stringify(input.data) : row.data;
  const markingChanged = !sameMarking(current, marking);
  if (data === row.data && !markingChanged) return toRiskRecordView(row, current);
  const at = deps.now().toISOString();
  const title = input.data ? titleOfRiskRecord(kind, input.data).slice(0, 200) : row.title;
  const saved = await db.transaction().execute(async (trx) => {
    const markingId = markingChanged ? await insertMarking(trx, marking, at) : row.marking_id;
    const fields = {
      parent_id: parentId,
      title,
      data,
      marking_id: markingId,
      version: row.version + 1,
      updated_at: at,
    };
    if (!(await updateRiskRecordRow(trx, id, row.version, fields))) {
      throw new DomainError('CONFLICT', 'the record changed while you edited it; reload it', {
        field: 'version',
      });
    }
    const change: Record<string, string> = {};
    if (data !== row.data) change.title = title;
    if (markingChanged) change.marking = `${current.tlp}→${marking.tlp}`;
    await appendJournal(trx, engine, draft(viewer, at, kind, 'updated', id, markingId, marking, change));
    return { ...row, ...fields, tlp: marking.tlp };
  });
  void deps.hub.notify();
  return toRiskRecordView(saved, marking);
}

/**
 * The capability gap summary over every target and assessment the viewer may see; it
 * carries the most restrictive label of what went into it.
 */
export async function summarizeVisibleGaps(
  deps: AppDeps,
  viewer: Viewer,
): Promise<{ items: CapabilityGap[]; marking: TlpLabel }> {
  const { db } = deps.database;
  const [targets, assessments] = await Promise.all([
    listAllVisibleRiskRecords(db, viewer, 'capability-targets'),
    listAllVisibleRiskRecords(db, viewer, 'spr-assessments'),
  ]);
  const items = summarizeCapabilityGaps(
    targets.map((row) => ({ id: row.id, data: JSON.parse(row.data) as CapabilityTarget })),
    assessments.map((row) => ({
      id: row.id,
      data: JSON.parse(row.data) as SprAssessment,
      updatedAt: row.updated_at,
    })),
  );
  const labels = [...targets, ...assessments].map((row) => row.tlp as TlpLabel);
  return { items, marking: mostRestrictiveTlp(labels) };
}
