import {
  type AvoidedLoss,
  type ClimateScenarioInput,
  type CountyRisk,
  computeRiskTable,
  DomainError,
  estimateAvoidedLoss,
  type HazardRisk,
  hazardNames,
  type MitigationAction,
  type NriTable,
  type RiskCountyDetail,
  type RiskCountyList,
  type RiskCountyQuery,
  type RiskCountySummary,
  readNriTable,
  type TlpLabel,
  type Viewer,
} from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { forgetNriTable, loadNriTable, saveNriTable } from './nri.store.ts';
import { readRiskRecord } from './risk-records.actions.ts';

/**
 * Imports an NRI county table (CSV text) and journals it. The NRI is public data, so the
 * entry carries no marking. `actor` is null for the CLI and the demo seed.
 */
export async function importNriTable(
  deps: AppDeps,
  actor: Viewer | null,
  csv: string,
): Promise<{ counties: number; release: string }> {
  const table = readNriTable(csv);
  const at = deps.now().toISOString();
  const { db, engine } = deps.database;
  await db.transaction().execute(async (trx) => {
    await saveNriTable(trx, table, at);
    await appendJournal(trx, engine, {
      at,
      actorUserId: actor?.userId ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      action: 'nri-table.imported',
      kind: 'change',
      entityType: 'nri-table',
      entityId: table.release.name,
      change: { counties: table.counties.length, release: table.release.version },
      markingId: null,
      marking: null,
    });
  });
  forgetNriTable(db);
  return { counties: table.counties.length, release: table.release.name };
}

async function requireTable(deps: AppDeps): Promise<NriTable> {
  const table = await loadNriTable(deps.database.db);
  if (!table) {
    throw new DomainError(
      'NOT_FOUND',
      'no NRI table imported yet: `vigil risk import --input <NRI county CSV>` or `vigil seed --demo`',
    );
  }
  return table;
}

type ScenarioRef = { id: string; name: string; multipliers: Record<string, number>; tlp: TlpLabel };

async function resolveScenario(deps: AppDeps, viewer: Viewer, scenarioId: string | undefined) {
  if (!scenarioId) return null;
  const record = await readRiskRecord(deps, viewer, 'climate-scenarios', scenarioId);
  const data = record.data as ClimateScenarioInput;
  return {
    id: record.id,
    name: data.name,
    multipliers: data.multipliers as Record<string, number>,
    tlp: record.marking.tlp,
  } satisfies ScenarioRef;
}

const hazardEal = (risk: CountyRisk) =>
  Object.fromEntries(risk.hazards.map((hazard: HazardRisk) => [hazard.code, hazard.total]));

function summarize(
  counties: NriTable['counties'],
  baseline: CountyRisk[],
  projected: CountyRisk[] | null,
): RiskCountySummary[] {
  return baseline.map((risk, i) => {
    const county = counties[i] as NriTable['counties'][number];
    const next = projected?.[i];
    return {
      stcofips: risk.stcofips,
      county: risk.county,
      countyType: county.countyType,
      population: county.population,
      communityRiskFactor: county.communityRiskFactor,
      eal: risk.eal,
      riskValue: risk.riskValue,
      stateRank: risk.stateRank,
      hazardEal: hazardEal(risk),
      projected: next
        ? {
            eal: next.eal,
            riskValue: next.riskValue,
            stateRank: next.stateRank,
            riskValueChange: next.riskValue - risk.riskValue,
            riskValueChangeRatio:
              risk.riskValue === 0 ? 0 : (next.riskValue - risk.riskValue) / risk.riskValue,
            hazardEal: hazardEal(next),
          }
        : null,
      published: county.published,
    };
  });
}

export async function listRiskCounties(
  deps: AppDeps,
  viewer: Viewer,
  query: RiskCountyQuery,
): Promise<RiskCountyList> {
  const table = await requireTable(deps);
  const scenario = await resolveScenario(deps, viewer, query.scenarioId);
  const baseline = computeRiskTable(table);
  const projected = scenario ? computeRiskTable(table, scenario.multipliers) : null;
  return {
    release: table.release,
    scenario: scenario ? { id: scenario.id, name: scenario.name, multipliers: scenario.multipliers } : null,
    items: summarize(table.counties, baseline, projected),
    marking: scenario?.tlp ?? 'CLEAR',
  };
}

export async function readRiskCounty(
  deps: AppDeps,
  viewer: Viewer,
  stcofips: string,
  query: RiskCountyQuery,
): Promise<RiskCountyDetail> {
  const table = await requireTable(deps);
  const index = table.counties.findIndex((county) => county.stcofips === stcofips);
  if (index < 0) throw new DomainError('NOT_FOUND', `no county ${stcofips} in the NRI table`);
  const scenario = await resolveScenario(deps, viewer, query.scenarioId);
  // Ranks need the whole state, so the table is computed whole (a few milliseconds).
  const baseline = computeRiskTable(table);
  const projected = scenario ? computeRiskTable(table, scenario.multipliers) : null;
  const [summary] = summarize(
    [table.counties[index] as NriTable['counties'][number]],
    [baseline[index] as CountyRisk],
    projected ? [projected[index] as CountyRisk] : null,
  );
  const county = table.counties[index] as NriTable['counties'][number];
  const base = baseline[index] as CountyRisk;
  const next = projected?.[index];
  const hazards = base.hazards.map((risk) => {
    const inputs = county.hazards[risk.code];
    if (!inputs) throw new Error(`hazard ${risk.code} computed without inputs`);
    const after = next?.hazards.find((hazard) => hazard.code === risk.code);
    const { code, riskValue, ...eal } = risk;
    return {
      code,
      name: hazardNames[code],
      annualizedFrequency: inputs.annualizedFrequency,
      exposure: inputs.exposure,
      historicLossRatio: inputs.historicLossRatio,
      source: inputs.source,
      eal,
      riskValue,
      projected: after
        ? {
            eal: {
              buildings: after.buildings,
              population: after.population,
              populationEquivalence: after.populationEquivalence,
              agriculture: after.agriculture,
              total: after.total,
            },
            riskValue: after.riskValue,
            multiplier: scenario?.multipliers[code] ?? 1,
          }
        : null,
      published: inputs.published,
    };
  });
  return {
    ...(summary as RiskCountySummary),
    hazards,
    scenario: scenario ? { id: scenario.id, name: scenario.name, multipliers: scenario.multipliers } : null,
    marking: scenario?.tlp ?? 'CLEAR',
  };
}

/** The mitigation contract over HTTP: the same core function the budget optimizer calls. */
export async function estimateMitigation(deps: AppDeps, action: MitigationAction): Promise<AvoidedLoss> {
  return estimateAvoidedLoss(await requireTable(deps), action);
}
