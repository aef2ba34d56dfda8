import { z } from 'zod';
import {
  isLowering,
  type Marking,
  markingInputSchema,
  tlpLabelSchema,
  type Viewer,
} from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';
import { DomainError } from '../errors/index.ts';
import { climateScenarioInputSchema } from './climate-scenario.ts';
import { capabilityTargetSchema, sprAssessmentSchema, thiraScenarioSchema } from './thira.ts';
import { threatEntrySchema } from './threat-register.ts';

/**
 * The planner's records, each marked and journaled like a bulletin. The URL segment is
 * the kind (`/api/v1/risk/thira-scenarios`); `parent` names the kind a record hangs from.
 */
export const riskRecordKinds = {
  'climate-scenarios': { entity: 'climate-scenario', schema: climateScenarioInputSchema, parent: null },
  'thira-scenarios': { entity: 'thira-scenario', schema: thiraScenarioSchema, parent: null },
  'capability-targets': {
    entity: 'capability-target',
    schema: capabilityTargetSchema,
    parent: { kind: 'thira-scenarios', field: 'scenarioId' },
  },
  'spr-assessments': {
    entity: 'spr-assessment',
    schema: sprAssessmentSchema,
    parent: { kind: 'capability-targets', field: 'targetId' },
  },
  threats: { entity: 'threat', schema: threatEntrySchema, parent: null },
} as const;
export type RiskRecordKind = keyof typeof riskRecordKinds;
export const riskRecordKindList = Object.keys(riskRecordKinds) as RiskRecordKind[];
export type RiskRecordData<K extends RiskRecordKind> = z.infer<(typeof riskRecordKinds)[K]['schema']>;

/** The title a list shows: each kind names its records its own way. */
export function titleOfRiskRecord(kind: RiskRecordKind, data: Record<string, unknown>): string {
  if (kind === 'climate-scenarios') return String(data.name);
  if (kind === 'capability-targets') return String(data.coreCapability);
  if (kind === 'spr-assessments') return `SPR ${String(data.year)}`;
  return String(data.title);
}

export function riskRecordCreateSchema<K extends RiskRecordKind>(kind: K) {
  return z.strictObject({ data: riskRecordKinds[kind].schema, marking: markingInputSchema });
}

export function riskRecordUpdateSchema<K extends RiskRecordKind>(kind: K) {
  return z
    .strictObject({
      data: riskRecordKinds[kind].schema.optional(),
      marking: markingInputSchema.optional(),
      /** The version the editor saw; a stale one is refused so nobody overwrites a change unseen. */
      version: z.number().int().positive().optional(),
    })
    .refine((value) => value.data !== undefined || value.marking !== undefined, {
      message: 'nothing to change: give data or marking',
      path: ['data'],
    });
}

export const riskRecordListQuerySchema = z.strictObject({
  parentId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RiskRecordListQuery = z.infer<typeof riskRecordListQuerySchema>;

export const riskRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(riskRecordKindList as [RiskRecordKind, ...RiskRecordKind[]]),
  parentId: z.string().nullable(),
  title: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Derived figures (a threat's DHS risk score, a target's statement); never stored. */
  derived: z.record(z.string(), z.unknown()),
  marking: markingViewSchema,
  authorUserId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RiskRecord = z.infer<typeof riskRecordSchema>;

export const riskRecordListSchema = z.object({
  items: z.array(riskRecordSchema),
  total: z.number().int(),
  marking: tlpLabelSchema,
});
export type RiskRecordList = z.infer<typeof riskRecordListSchema>;

/**
 * Who may edit a planner's record: its owning agency and the agencies (or, for RED, the
 * people) it is shared with, as for bulletins; only the owner may lower the marking.
 */
export function decideRiskRecordUpdate(
  viewer: Viewer,
  current: { marking: Marking; version: number },
  change: { marking?: Marking; version?: number },
): Marking {
  const isOwner = viewer.agencyId === current.marking.ownerAgencyId;
  const isPartner =
    current.marking.shareAgencyIds.includes(viewer.agencyId) ||
    current.marking.shareUserIds.includes(viewer.userId);
  if (!isOwner && !isPartner) {
    throw new DomainError(
      'PERMISSION_DENIED',
      'only the owning agency and the agencies it shares with may edit this record',
    );
  }
  if (change.version !== undefined && change.version !== current.version) {
    throw new DomainError('CONFLICT', `the record changed since version ${change.version}; reload it`, {
      field: 'version',
    });
  }
  const marking = change.marking ?? current.marking;
  if (!isOwner && isLowering(current.marking, marking)) {
    throw new DomainError('MARKING_LOWER_FORBIDDEN', 'only the owning agency may lower a marking', {
      field: 'marking',
    });
  }
  return marking;
}
