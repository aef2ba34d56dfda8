import { readFileSync } from 'node:fs';
import { findPresetScenario, type MarkingInput, type Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { importNriTable } from './nri.actions.ts';
import { createRiskRecord } from './risk-records.actions.ts';

const virginiaNri = new URL('../../../../data/nri-virginia/NRI_Table_Counties_Virginia.csv', import.meta.url);

/**
 * The planning part of the Virginia demo (see DEMO.md): FEMA's real NRI table, the
 * "2050 (demo)" climate scenario, a hurricane THIRA with targets and SPR assessments that
 * show gaps in infrastructure systems and mass care, a cyber scenario, and a few threat
 * register entries. Everything but the NRI is invented and says so.
 */
export async function seedRiskDemo(
  deps: AppDeps,
  viewers: Map<string, Viewer>,
  agencies: Record<string, string>,
): Promise<void> {
  await importNriTable(deps, null, readFileSync(virginiaNri, 'utf8'));
  const planner = viewers.get('planner@vigil.example') as Viewer;
  const analyst = viewers.get('analyst@vigil.example') as Viewer;
  const trooper = viewers.get('trooper@vigil.example') as Viewer;
  const green: MarkingInput = { tlp: 'GREEN' };
  const create = (
    viewer: Viewer,
    kind: Parameters<typeof createRiskRecord>[2],
    data: object,
    marking = green,
  ) => createRiskRecord(deps, viewer, kind, { data: data as Record<string, unknown>, marking });

  const preset = findPresetScenario('2050 (demo)');
  if (preset) await create(planner, 'climate-scenarios', preset);

  const hurricane = await create(planner, 'thira-scenarios', {
    title: 'Category 2 hurricane landfall near Norfolk (demo)',
    threatType: 'natural',
    hazard: 'HRCN',
    context:
      '[Demo data] A Category 2 hurricane makes landfall near Norfolk at high tide in late September, after three days of rain. Storm surge of 6–8 ft floods Hampton Roads and the Eastern Shore; sustained winds of 100 mph bring down distribution lines across the region.',
    impacts: [
      { metric: 'people in evacuation zones A and B', value: 180000 },
      { metric: 'people requiring shelter', value: 25000 },
      { metric: 'hospitals without grid power', value: 14 },
      { metric: 'customers without power', value: 650000 },
    ],
  });
  const cyber = await create(planner, 'thira-scenarios', {
    title: 'Ransomware attack on a regional water utility (demo)',
    threatType: 'human-caused',
    hazard: null,
    context:
      '[Demo data] During the hurricane response, ransomware encrypts the engineering workstations of a regional water utility and locks operators out of SCADA at two treatment plants serving 400,000 people.',
    impacts: [{ metric: 'people without safe drinking water', value: 400000 }],
  });

  const targets = [
    {
      scenario: hurricane.id,
      coreCapability: 'Infrastructure Systems',
      impacts: [{ metric: 'hospitals without grid power', value: 14 }],
      criticalTasks: [{ metric: '% of hospitals with power restored', value: 90 }],
      timeframe: { value: 72, unit: 'hours' },
      statement: 'Within 72 hours of an incident, restore power to 90 % of hospitals.',
      current: [{ metric: '% of hospitals with power restored', value: 55 }],
      poete: { planning: 3, organization: 3, equipment: 2, training: 3, exercises: 2 },
      evidence:
        '[Demo data] 2025 hurricane tabletop: generator fuel lasts 48 hours at two Norfolk hospitals; no pre-positioned transformers; mutual-aid line crews arrive on day 3.',
      approach:
        'Substation flood walls; hospital generator upgrades; fuel resupply contracts (budget portfolio).',
    },
    {
      scenario: hurricane.id,
      coreCapability: 'Mass Care Services',
      impacts: [{ metric: 'people requiring shelter', value: 25000 }],
      criticalTasks: [
        { metric: 'people in emergency shelter', value: 25000 },
        { metric: 'meals served per day', value: 75000 },
      ],
      timeframe: { value: 72, unit: 'hours' },
      statement:
        'Within 72 hours of an incident, provide emergency sheltering for 25,000 people and 75,000 meals per day.',
      current: [
        { metric: 'people in emergency shelter', value: 11000 },
        { metric: 'meals served per day', value: 42000 },
      ],
      poete: { planning: 3, organization: 2, equipment: 2, training: 3, exercises: 3 },
      evidence:
        '[Demo data] Shelter survey 2026: 38 surveyed facilities, 11,000 spaces with generators; feeding agreements cover 42,000 meals per day.',
      approach: 'Regional logistics staging area; shelter generator hookups; feeding MOUs with NGOs.',
    },
    {
      scenario: hurricane.id,
      coreCapability: 'Public Information and Warning',
      impacts: [{ metric: 'people in evacuation zones A and B', value: 180000 }],
      criticalTasks: [{ metric: 'people warned in English and Spanish', value: 180000 }],
      timeframe: { value: 1, unit: 'hours' },
      statement:
        'Within 1 hour of the evacuation order, deliver warnings to 180,000 people in zones A and B in English and Spanish.',
      current: [{ metric: 'people warned in English and Spanish', value: 171000 }],
      poete: { planning: 4, organization: 4, equipment: 4, training: 3, exercises: 4 },
      evidence: '[Demo data] IPAWS test 2026 reached 95 % of registered devices in the coastal zones.',
      approach: 'Spanish-language templates in the CAP composer.',
    },
    {
      scenario: cyber.id,
      coreCapability: 'Cybersecurity',
      impacts: [{ metric: 'people without safe drinking water', value: 400000 }],
      criticalTasks: [{ metric: '% of affected treatment plants under operator control', value: 100 }],
      timeframe: { value: 24, unit: 'hours' },
      statement:
        'Within 24 hours of an incident, restore operator control at 100 % of affected water treatment plants.',
      current: [{ metric: '% of affected treatment plants under operator control', value: 50 }],
      poete: { planning: 2, organization: 3, equipment: 3, training: 2, exercises: 2 },
      evidence: '[Demo data] Utility self-assessment 2026: offline SCADA backups at one of two plants.',
      approach: 'Offline backups and manual-operation drills; CISA assessment.',
    },
  ];
  for (const target of targets) {
    const created = await create(planner, 'capability-targets', {
      scenarioId: target.scenario,
      coreCapability: target.coreCapability,
      impacts: target.impacts,
      criticalTasks: target.criticalTasks,
      timeframe: target.timeframe,
      statement: target.statement,
    });
    await create(planner, 'spr-assessments', {
      targetId: created.id,
      year: 2026,
      current: target.current,
      confidence: 'medium',
      poete: target.poete,
      evidence: target.evidence,
      approach: target.approach,
      change: 'first assessment',
    });
  }

  await create(
    analyst,
    'threats',
    {
      title: 'Ransomware against water utility SCADA (demo)',
      threatType: 'human-caused',
      category: 'cyber attack on a utility',
      subject: {
        kind: 'asset',
        name: 'Hampton Roads Water Authority treatment plants (demo)',
        stcofips: '51710',
      },
      likelihood: 0.35,
      likelihoodSource: '[Demo data] MS-ISAC reporting and the blocked attempt in the AMBER bulletin',
      confidence: 'moderate',
      vulnerability: 0.4,
      consequence: 18_000_000,
      consequenceBasis:
        '[Demo data] 5 days of boil-water notices for 400,000 people, response and recovery costs',
    },
    { tlp: 'AMBER', shareWith: [agencies.water as string, agencies.vsp as string] },
  );
  await create(analyst, 'threats', {
    title: 'Chlorine release at a rail yard (demo)',
    threatType: 'technological',
    category: 'chemical release',
    subject: { kind: 'county', stcofips: '51550' },
    likelihood: 0.02,
    likelihoodSource: '[Demo data] PHMSA incident history for the corridor',
    confidence: 'low',
    vulnerability: 0.5,
    consequence: 40_000_000,
    consequenceBasis: '[Demo data] shelter-in-place for 20,000 residents, 30 hospitalizations',
  });
  await create(
    trooper,
    'threats',
    {
      title: 'Active shooter at an oceanfront event (demo)',
      threatType: 'human-caused',
      category: 'active shooter',
      subject: { kind: 'county', stcofips: '51810' },
      likelihood: 0.05,
      likelihoodSource: '[Demo data] Fusion center assessment',
      confidence: 'moderate',
      vulnerability: 0.6,
      consequence: 25_000_000,
    },
    { tlp: 'AMBER', caveats: ['LES'], shareWith: [agencies.ohs as string] },
  );
}
