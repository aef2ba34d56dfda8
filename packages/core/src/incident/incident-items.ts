import { z } from 'zod';

/**
 * The records an incident accumulates, each the content of an ICS form block: positions
 * (ICS 203/207), operational periods and objectives (202), work assignments (204), the
 * activity log with significant events (214), decisions, and status summaries (209).
 */
export const incidentCollections = [
  'positions',
  'periods',
  'objectives',
  'assignments',
  'log',
  'decisions',
  'sitreps',
] as const;
export type IncidentCollection = (typeof incidentCollections)[number];

/** Command and General Staff (NIMS 2017, ICS organization). */
export const icsPositions = [
  'incident-commander',
  'deputy-incident-commander',
  'safety-officer',
  'public-information-officer',
  'liaison-officer',
  'operations-section-chief',
  'planning-section-chief',
  'logistics-section-chief',
  'finance-administration-section-chief',
  'agency-representative',
] as const;
export type IcsPosition = (typeof icsPositions)[number];

export const icsPositionTitles: Record<IcsPosition, string> = {
  'incident-commander': 'Incident Commander',
  'deputy-incident-commander': 'Deputy Incident Commander',
  'safety-officer': 'Safety Officer',
  'public-information-officer': 'Public Information Officer',
  'liaison-officer': 'Liaison Officer',
  'operations-section-chief': 'Operations Section Chief',
  'planning-section-chief': 'Planning Section Chief',
  'logistics-section-chief': 'Logistics Section Chief',
  'finance-administration-section-chief': 'Finance/Administration Section Chief',
  'agency-representative': 'Agency Representative',
};

const text = (max: number) => z.string().trim().max(max);
const when = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);

export const positionInputSchema = z.strictObject({
  position: z.enum(icsPositions),
  personName: text(200).min(1),
  userId: id.optional(),
  agencyId: id.optional(),
  contact: text(200).default(''),
});
export const periodInputSchema = z
  .strictObject({
    startsAt: when,
    endsAt: when,
    /** ICS 202 block 4: Operational Period Command Emphasis, and General Situational Awareness. */
    commandEmphasis: text(4000).default(''),
    situationalAwareness: text(4000).default(''),
    /** ICS 202 block 5. */
    siteSafetyPlanRequired: z.boolean().default(false),
    siteSafetyPlanLocation: text(500).default(''),
  })
  .refine((value) => Date.parse(value.endsAt) > Date.parse(value.startsAt), {
    message: 'an operational period ends after it starts',
    path: ['endsAt'],
  });
export const objectiveStatuses = ['open', 'met', 'dropped'] as const;
export const objectiveInputSchema = z.strictObject({
  periodId: id,
  text: text(2000).min(1),
  status: z.enum(objectiveStatuses).default('open'),
});
export const assignmentInputSchema = z.strictObject({
  periodId: id,
  /** ICS 204 block 3: Branch, Division, Group, Staging Area. */
  branch: text(100).default(''),
  divisionGroup: text(100).min(1),
  stagingArea: text(200).default(''),
  /** Block 4: Division/Group Supervisor. */
  supervisor: text(200).default(''),
  /** Block 6: Work Assignments. */
  workAssignment: text(4000).min(1),
  /** Block 7: Special Instructions. */
  specialInstructions: text(4000).default(''),
  reportingLocation: text(500).default(''),
  /** Block 5: Resources Assigned (resource ids). */
  resourceIds: z.array(id).max(100).default([]),
  /** Block 8: Communications (name/function, primary contact). */
  communications: text(1000).default(''),
});
export const logInputSchema = z.strictObject({
  periodId: id.optional(),
  at: when.optional(),
  activity: text(4000).min(1),
  /** A significant event also shows on the incident's timeline and in ICS 209 remarks. */
  significant: z.boolean().default(false),
  position: text(200).default(''),
});
export const decisionConfidences = ['low', 'medium', 'high'] as const;
export const decisionInputSchema = z
  .strictObject({
    question: text(1000).min(1),
    options: z
      .array(z.strictObject({ label: text(200).min(1), description: text(2000).default('') }))
      .min(2)
      .max(12),
    criteria: z.array(text(500).min(1)).max(20).default([]),
    /** Information used: a label, and a link to a record (`/incidents/…`, `/bulletins/…`) or a source. */
    informationUsed: z
      .array(z.strictObject({ label: text(500).min(1), ref: text(500).default('') }))
      .max(50)
      .default([]),
    chosenOption: text(200).min(1),
    rationale: text(4000).min(1),
    decidedByName: text(200).min(1),
    decidedByPosition: text(200).default(''),
    decidedAt: when.optional(),
    confidence: z.enum(decisionConfidences),
  })
  .refine((value) => value.options.some((option) => option.label === value.chosenOption), {
    message: 'the chosen option must be one of the options considered',
    path: ['chosenOption'],
  })
  .refine((value) => new Set(value.options.map((option) => option.label)).size === value.options.length, {
    message: 'options need distinct labels',
    path: ['options'],
  });
const count = z.number().int().min(0).max(100_000_000).default(0);
export const sitrepInputSchema = z.strictObject({
  /** ICS 209 block 3. */
  reportVersion: z.enum(['initial', 'update', 'final']),
  periodId: id.optional(),
  /** Block 11: For Time Period. */
  fromTime: when,
  toTime: when,
  /** Block 7 and 8. */
  currentSize: text(200).default(''),
  percentContained: z.number().min(0).max(100).default(0),
  weatherConcerns: text(4000).default(''),
  projectedActivity: text(4000).default(''),
  threatSummary: text(4000).default(''),
  criticalResourceNeeds: text(4000).default(''),
  plannedActions: text(4000).default(''),
  estimatedCostsToDate: z.number().min(0).max(1e12).default(0),
  remarks: text(4000).default(''),
  /** Blocks 29–30: civilian and responder status, totals to date. */
  civilians: z
    .strictObject({
      fatalities: count,
      injured: count,
      trappedOrInNeedOfRescue: count,
      missing: count,
      evacuated: count,
      shelteringInPlace: count,
      inTemporaryShelters: count,
    })
    .default({
      fatalities: 0,
      injured: 0,
      trappedOrInNeedOfRescue: 0,
      missing: 0,
      evacuated: 0,
      shelteringInPlace: 0,
      inTemporaryShelters: 0,
    }),
  responders: z.strictObject({ fatalities: count, injured: count }).default({ fatalities: 0, injured: 0 }),
  lifeSafetyRemarks: text(4000).default(''),
});

export const itemInputSchemas = {
  positions: positionInputSchema,
  periods: periodInputSchema,
  objectives: objectiveInputSchema,
  assignments: assignmentInputSchema,
  log: logInputSchema,
  decisions: decisionInputSchema,
  sitreps: sitrepInputSchema,
} as const;

export type PositionBody = z.infer<typeof positionInputSchema> & {
  assignedAt: string;
  relievedAt: string | null;
};
export type PeriodBody = z.infer<typeof periodInputSchema>;
export type ObjectiveBody = z.infer<typeof objectiveInputSchema>;
export type AssignmentBody = z.infer<typeof assignmentInputSchema>;
export type LogBody = z.infer<typeof logInputSchema> & { at: string };
export type DecisionBody = z.infer<typeof decisionInputSchema> & {
  decidedAt: string;
  outcome: string | null;
  outcomeRecordedAt: string | null;
};
export type SitrepBody = z.infer<typeof sitrepInputSchema>;

export type ItemBodies = {
  positions: PositionBody;
  periods: PeriodBody;
  objectives: ObjectiveBody;
  assignments: AssignmentBody;
  log: LogBody;
  decisions: DecisionBody;
  sitreps: SitrepBody;
};

/** What may change after the fact: a relief, an objective's status, an assignment's content, a decision's outcome. */
export const itemUpdateSchemas = {
  positions: z.strictObject({ relieved: z.literal(true) }),
  periods: z.strictObject({
    commandEmphasis: text(4000).optional(),
    situationalAwareness: text(4000).optional(),
  }),
  objectives: z.strictObject({
    status: z.enum(objectiveStatuses).optional(),
    text: text(2000).min(1).optional(),
  }),
  assignments: z.strictObject({
    workAssignment: text(4000).min(1).optional(),
    specialInstructions: text(4000).optional(),
    supervisor: text(200).optional(),
    resourceIds: z.array(id).max(100).optional(),
  }),
  log: z.strictObject({}),
  decisions: z.strictObject({ outcome: text(4000).min(1) }),
  sitreps: z.strictObject({}),
} as const;

export const incidentItemSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  collection: z.enum(incidentCollections),
  /** 1, 2, 3 … within the incident and collection (operational period 1, sitrep 2, …). */
  number: z.number().int(),
  periodId: z.string().nullable(),
  body: z.record(z.string(), z.unknown()),
  createdByUserId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type IncidentItem<C extends IncidentCollection = IncidentCollection> = Omit<
  z.infer<typeof incidentItemSchema>,
  'body' | 'collection'
> & { collection: C; body: ItemBodies[C] };
export const incidentItemListSchema = z.object({ items: z.array(incidentItemSchema) });
