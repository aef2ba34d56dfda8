import {
  type CapabilityTarget,
  composeTargetStatement,
  type Marking,
  type RiskRecord,
  type RiskRecordKind,
  scoreThreatRisk,
  type ThreatEntry,
} from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { RiskRecordRow } from './risk-records.store.ts';

/** Figures computed from a record for display; never stored, so they always follow the data. */
function derive(kind: RiskRecordKind, data: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'threats') return { riskScore: scoreThreatRisk(data as ThreatEntry) };
  if (kind === 'capability-targets') return { statement: composeTargetStatement(data as CapabilityTarget) };
  return {};
}

/** The presenter: names every field a client gets. */
export function toRiskRecordView(row: RiskRecordRow, marking: Marking): RiskRecord {
  const kind = row.kind as RiskRecordKind;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    id: row.id,
    kind,
    parentId: row.parent_id,
    title: row.title,
    data,
    derived: derive(kind, data),
    marking: toMarkingView(marking),
    authorUserId: row.author_user_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
