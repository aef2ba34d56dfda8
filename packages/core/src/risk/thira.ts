import { z } from 'zod';
import {
  type CoreCapability,
  coreCapabilitySchema,
  type MissionArea,
  missionAreasOf,
} from './core-capabilities.ts';
import { hazardCodeSchema } from './nri-hazards.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const quantity = z.strictObject({
  metric: text(200),
  value: z.number().min(0).max(1e12),
});
export type Quantity = z.infer<typeof quantity>;

/** THIRA step 1–2: a threat or hazard with the context that makes it most challenging, and its impacts. */
export const thiraScenarioSchema = z.strictObject({
  title: text(200),
  threatType: z.enum(['natural', 'technological', 'human-caused']),
  /** The NRI hazard a natural scenario stands for (HRCN for a hurricane), or null. */
  hazard: hazardCodeSchema.nullable().default(null),
  /** Time, location and conditions (CPG 201 "context"). */
  context: text(8000),
  /** Impacts in standard quantities, e.g. {metric: 'people requiring shelter', value: 25000}. */
  impacts: z.array(quantity).max(50).default([]),
});
export type ThiraScenario = z.infer<typeof thiraScenarioSchema>;

export const timeframeUnits = ['hours', 'days', 'weeks', 'months'] as const;

/** THIRA step 3: a capability target for one core capability, in the standardized language. */
export const capabilityTargetSchema = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  coreCapability: coreCapabilitySchema,
  impacts: z.array(quantity).max(20).default([]),
  /** What must be achieved, as numbers: {metric: '% of hospitals with power restored', value: 90}. */
  criticalTasks: z.array(quantity).min(1).max(20),
  timeframe: z.strictObject({ value: z.number().positive().max(10_000), unit: z.enum(timeframeUnits) }),
  /** The target statement; composed from the parts when left empty. */
  statement: z.string().trim().max(2000).default(''),
});
export type CapabilityTarget = z.infer<typeof capabilityTargetSchema>;

export function composeTargetStatement(target: CapabilityTarget): string {
  if (target.statement) return target.statement;
  const tasks = target.criticalTasks.map((task) => `${task.value} ${task.metric}`).join(', ');
  return `Within ${target.timeframe.value} ${target.timeframe.unit} of an incident, achieve ${tasks}.`;
}

export const poeteAreas = ['planning', 'organization', 'equipment', 'training', 'exercises'] as const;
export type PoeteArea = (typeof poeteAreas)[number];
const rating = z.number().int().min(1).max(5);

/** SPR: the current capability against one target, in the target's metrics, with POETE ratings 1–5. */
export const sprAssessmentSchema = z.strictObject({
  targetId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2200),
  current: z.array(quantity).min(1).max(20),
  confidence: z.enum(['low', 'medium', 'high']),
  poete: z.strictObject({
    planning: rating,
    organization: rating,
    equipment: rating,
    training: rating,
    exercises: rating,
  }),
  evidence: text(8000),
  /** Intended approaches and investments to close the gap (CPG 201 SPR step c). */
  approach: z.string().trim().max(8000).default(''),
  change: z.enum(['built', 'sustained', 'lost', 'first assessment']).default('first assessment'),
});
export type SprAssessment = z.infer<typeof sprAssessmentSchema>;

export type TaskGap = { metric: string; target: number; current: number; gap: number; met: number };

export type CapabilityGap = {
  coreCapability: CoreCapability;
  missionAreas: MissionArea[];
  targets: number;
  assessed: number;
  /** Share of the targets achieved (0–1): the mean over assessed targets of each target's weakest task. */
  meanMet: number | null;
  worstMet: number | null;
  /** Mean POETE rating per solution area over the latest assessments. */
  poete: Record<PoeteArea, number> | null;
  weakestArea: PoeteArea | null;
  gaps: { targetId: string; statement: string; tasks: TaskGap[] }[];
};

/**
 * SPR gap = target − current per metric (never below 0); `met` = current ÷ target, capped
 * at 1. Each target counts its latest assessment (highest year, then latest edit). The
 * summary lists capabilities from the least met; capabilities without targets are left out.
 */
export function summarizeCapabilityGaps(
  targets: { id: string; data: CapabilityTarget }[],
  assessments: { id: string; data: SprAssessment; updatedAt: string }[],
): CapabilityGap[] {
  const latest = new Map<string, { data: SprAssessment; updatedAt: string }>();
  for (const assessment of assessments) {
    const current = latest.get(assessment.data.targetId);
    if (
      !current ||
      assessment.data.year > current.data.year ||
      (assessment.data.year === current.data.year && assessment.updatedAt > current.updatedAt)
    ) {
      latest.set(assessment.data.targetId, assessment);
    }
  }
  const byCapability = new Map<CoreCapability, CapabilityGap & { metSum: number; poeteSum: number[] }>();
  for (const target of targets) {
    const capability = target.data.coreCapability;
    let entry = byCapability.get(capability);
    if (!entry) {
      entry = {
        coreCapability: capability,
        missionAreas: [...missionAreasOf(capability)],
        targets: 0,
        assessed: 0,
        meanMet: null,
        worstMet: null,
        poete: null,
        weakestArea: null,
        gaps: [],
        metSum: 0,
        poeteSum: [0, 0, 0, 0, 0],
      };
      byCapability.set(capability, entry);
    }
    entry.targets += 1;
    const assessment = latest.get(target.id);
    if (!assessment) continue;
    entry.assessed += 1;
    const tasks = target.data.criticalTasks.map((task): TaskGap => {
      const current = assessment.data.current.find((q) => q.metric === task.metric)?.value ?? 0;
      const met = task.value === 0 ? 1 : Math.min(current / task.value, 1);
      return {
        metric: task.metric,
        target: task.value,
        current,
        gap: Math.max(task.value - current, 0),
        met,
      };
    });
    const met = Math.min(...tasks.map((task) => task.met));
    entry.metSum += met;
    entry.worstMet = entry.worstMet === null ? met : Math.min(entry.worstMet, met);
    poeteAreas.forEach((area, i) => {
      entry.poeteSum[i] = (entry.poeteSum[i] as number) + assessment.data.poete[area];
    });
    if (tasks.some((task) => task.gap > 0)) {
      entry.gaps.push({ targetId: target.id, statement: composeTargetStatement(target.data), tasks });
    }
  }
  const summary = [...byCapability.values()].map(({ metSum, poeteSum, ...entry }): CapabilityGap => {
    if (entry.assessed === 0) return entry;
    const poete = Object.fromEntries(
      poeteAreas.map((area, i) => [area, (poeteSum[i] as number) / entry.assessed]),
    ) as Record<PoeteArea, number>;
    const weakestArea = poeteAreas.reduce((a, b) => (poete[b] < poete[a] ? b : a));
    return { ...entry, meanMet: metSum / entry.assessed, poete, weakestArea };
  });
  return summary.sort(
    (a, b) => (a.meanMet ?? 2) - (b.meanMet ?? 2) || a.coreCapability.localeCompare(b.coreCapability),
  );
}
