import type { FrequencyMultipliers } from './climate-scenario.ts';
import { type CountyRisk, compareScenario, computeRiskTable } from './compute-risk.ts';
import { type CsvCell, formatCsv } from './format-csv.ts';
import type { NriTable } from './nri-county.ts';
import { hazardCodes } from './nri-hazards.ts';

/**
 * The CLI's `vigil risk nri` output: one row per county with FEMA's column names for what
 * Vigil computed (`STCOFIPS, EAL_VALT, EAL_VALB, EAL_VALP, EAL_VALPE, EAL_VALA, RISK_VALUE`,
 * `X_EALT` per hazard), and with a scenario the projected `PROJ_*` columns and the change.
 * A hazard not applicable in a county has an empty `X_EALT`.
 */
export function formatNriResultsCsv(
  table: NriTable,
  scenario?: { name: string; multipliers: FrequencyMultipliers },
): string {
  const header = [
    'STCOFIPS',
    'COUNTY',
    'EAL_VALT',
    'EAL_VALB',
    'EAL_VALP',
    'EAL_VALPE',
    'EAL_VALA',
    'RISK_VALUE',
    'STATE_RANK',
    ...hazardCodes.map((code) => `${code}_EALT`),
  ];
  const baseCells = (risk: CountyRisk): CsvCell[] => {
    const byCode = new Map(risk.hazards.map((hazard) => [hazard.code, hazard.total]));
    return [
      risk.stcofips,
      risk.county,
      risk.eal.total,
      risk.eal.buildings,
      risk.eal.population,
      risk.eal.populationEquivalence,
      risk.eal.agriculture,
      risk.riskValue,
      risk.stateRank,
      ...hazardCodes.map((code) => byCode.get(code) ?? null),
    ];
  };
  if (!scenario) return formatCsv(header, computeRiskTable(table).map(baseCells));
  const projectedHeader = [
    'SCENARIO',
    'PROJ_EAL_VALT',
    'PROJ_RISK_VALUE',
    'CHANGE_EAL_VALT',
    'CHANGE_RISK_VALUE',
    'CHANGE_RISK_RATIO',
    ...hazardCodes.map((code) => `PROJ_${code}_EALT`),
  ];
  const rows = compareScenario(table, scenario.multipliers).map((change) => {
    const projected = new Map(change.projected.hazards.map((hazard) => [hazard.code, hazard.total]));
    return [
      ...baseCells(change.baseline),
      scenario.name,
      change.projected.eal.total,
      change.projected.riskValue,
      change.ealChange,
      change.riskValueChange,
      change.riskValueChangeRatio,
      ...hazardCodes.map((code) => projected.get(code) ?? null),
    ];
  });
  return formatCsv([...header, ...projectedHeader], rows);
}
