import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Marking, Viewer } from '../access/index.ts';
import type { DomainError } from '../errors/index.ts';
import { capabilitiesOf, coreCapabilities, coreCapabilityAreas, missionAreas } from './core-capabilities.ts';
import { decideRiskRecordUpdate } from './risk-record.ts';
import {
  type CapabilityTarget,
  capabilityTargetSchema,
  composeTargetStatement,
  type SprAssessment,
  sprAssessmentSchema,
  summarizeCapabilityGaps,
} from './thira.ts';
import { scoreThreatRisk, threatEntrySchema } from './threat-register.ts';

describe('the 32 core capabilities', () => {
  it('are 32, in 48 capability–mission-area pairs, the three common ones in all five areas', () => {
    assert.equal(coreCapabilities.length, 32);
    const pairs = Object.values(coreCapabilityAreas).reduce((n, areas) => n + areas.length, 0);
    assert.equal(pairs, 48);
    for (const common of [
      'Planning',
      'Public Information and Warning',
      'Operational Coordination',
    ] as const) {
      assert.deepEqual([...coreCapabilityAreas[common]], [...missionAreas]);
    }
    assert.deepEqual(
      missionAreas.map((area) => capabilitiesOf(area).length),
      [7, 11, 7, 15, 8],
    );
  });
});

const target = (overrides: Partial<CapabilityTarget> = {}): CapabilityTarget =>
  capabilityTargetSchema.parse({
    scenarioId: 's1',
    coreCapability: 'Infrastructure Systems',
    criticalTasks: [{ metric: '% of hospitals with power restored', value: 90 }],
    timeframe: { value: 72, unit: 'hours' },
    ...overrides,
  });

const assessment = (overrides: Partial<SprAssessment> = {}): SprAssessment =>
  sprAssessmentSchema.parse({
    targetId: 't1',
    year: 2026,
    current: [{ metric: '% of hospitals with power restored', value: 45 }],
    confidence: 'medium',
    poete: { planning: 3, organization: 3, equipment: 2, training: 3, exercises: 4 },
    evidence: 'Tabletop exercise 2026',
    ...overrides,
  });

describe('summarizeCapabilityGaps', () => {
  it('gap = target − current, met = current ÷ target, using the latest assessment', () => {
    const summary = summarizeCapabilityGaps(
      [{ id: 't1', data: target() }],
      [
        {
          id: 'a-old',
          data: assessment({
            year: 2025,
            current: [{ metric: '% of hospitals with power restored', value: 80 }],
          }),
          updatedAt: '2026-01-01',
        },
        { id: 'a-new', data: assessment(), updatedAt: '2025-01-01' },
      ],
    );
    assert.equal(summary.length, 1);
    const [entry] = summary;
    assert.equal(entry?.meanMet, 0.5);
    assert.deepEqual(entry?.gaps[0]?.tasks[0], {
      metric: '% of hospitals with power restored',
      target: 90,
      current: 45,
      gap: 45,
      met: 0.5,
    });
    assert.equal(entry?.weakestArea, 'equipment');
    assert.deepEqual(entry?.missionAreas, ['Response', 'Recovery']);
  });

  it('orders capabilities from the least met; unassessed last; a met target has no gap', () => {
    const summary = summarizeCapabilityGaps(
      [
        { id: 't1', data: target() },
        {
          id: 't2',
          data: target({
            coreCapability: 'Mass Care Services',
            criticalTasks: [{ metric: 'people sheltered', value: 25000 }],
          }),
        },
        { id: 't3', data: target({ coreCapability: 'Cybersecurity' }) },
        { id: 't4', data: target({ coreCapability: 'Planning' }) },
      ],
      [
        { id: 'a1', data: assessment(), updatedAt: 'x' },
        {
          id: 'a2',
          data: assessment({ targetId: 't2', current: [{ metric: 'people sheltered', value: 5000 }] }),
          updatedAt: 'x',
        },
        {
          id: 'a4',
          data: assessment({
            targetId: 't4',
            current: [{ metric: '% of hospitals with power restored', value: 95 }],
          }),
          updatedAt: 'x',
        },
      ],
    );
    assert.deepEqual(
      summary.map((s) => s.coreCapability),
      ['Mass Care Services', 'Infrastructure Systems', 'Planning', 'Cybersecurity'],
    );
    assert.equal(summary[2]?.gaps.length, 0);
    assert.equal(summary[3]?.meanMet, null);
  });

  it('composes the standardized statement when none is written', () => {
    assert.equal(
      composeTargetStatement(target()),
      'Within 72 hours of an incident, achieve 90 % of hospitals with power restored.',
    );
    assert.equal(composeTargetStatement(target({ statement: 'Own words.' })), 'Own words.');
  });

  it('refuses POETE ratings outside 1–5 and unknown capabilities, naming the field', () => {
    const bad = sprAssessmentSchema.safeParse({
      ...assessment(),
      poete: { ...assessment().poete, training: 6 },
    });
    assert.deepEqual(bad.error?.issues[0]?.path, ['poete', 'training']);
    const unknown = capabilityTargetSchema.safeParse({ ...target(), coreCapability: 'Cyber Stuff' });
    assert.deepEqual(unknown.error?.issues[0]?.path, ['coreCapability']);
  });
});

describe('threat register', () => {
  it('scores DHS-style risk as threat × vulnerability × consequence', () => {
    const entry = threatEntrySchema.parse({
      title: 'Ransomware against water SCADA',
      threatType: 'human-caused',
      category: 'cyber attack on a utility',
      subject: { kind: 'asset', name: 'Water treatment plant' },
      likelihood: 0.3,
      likelihoodSource: 'MS-ISAC reporting',
      confidence: 'moderate',
      vulnerability: 0.5,
      consequence: 2_000_000,
    });
    assert.equal(scoreThreatRisk(entry), 300_000);
    assert.equal(threatEntrySchema.safeParse({ ...entry, likelihood: 1.5 }).success, false);
  });
});

describe('decideRiskRecordUpdate', () => {
  const viewer = (agencyId: string): Viewer => ({
    userId: `u-${agencyId}`,
    agencyId,
    agencyAncestorIds: [],
    roles: ['planner'],
    attributes: [],
  });
  const marking: Marking = {
    ownerAgencyId: 'owner',
    authorUserId: 'author',
    tlp: 'AMBER',
    caveats: [],
    shareAgencyIds: ['partner'],
    shareUserIds: [],
  };

  it('lets the owner and partners edit, only the owner lower, and refuses stale versions', () => {
    assert.deepEqual(decideRiskRecordUpdate(viewer('partner'), { marking, version: 2 }, {}), marking);
    assert.throws(
      () => decideRiskRecordUpdate(viewer('stranger'), { marking, version: 2 }, {}),
      (e: DomainError) => e.code === 'PERMISSION_DENIED',
    );
    const lowered = { ...marking, tlp: 'GREEN' as const };
    assert.throws(
      () => decideRiskRecordUpdate(viewer('partner'), { marking, version: 2 }, { marking: lowered }),
      (e: DomainError) => e.code === 'MARKING_LOWER_FORBIDDEN',
    );
    assert.equal(
      decideRiskRecordUpdate(viewer('owner'), { marking, version: 2 }, { marking: lowered }).tlp,
      'GREEN',
    );
    assert.throws(
      () => decideRiskRecordUpdate(viewer('owner'), { marking, version: 2 }, { version: 1 }),
      (e: DomainError) => e.code === 'CONFLICT' && e.field === 'version',
    );
  });
});
