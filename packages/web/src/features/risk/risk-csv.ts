import { formatCsv, type RiskCountyList } from '@vigil/core/risk';

/**
 * The county table as CSV, through core's writer: text cells that a spreadsheet would run
 * as formulas are neutralized, numbers stay numbers. FEMA's published columns keep FEMA's
 * names with a FEMA_ prefix so nobody confuses them with Vigil's.
 */
export function countyTableCsv(list: RiskCountyList, hazardCodes: string[]): string {
  const header = [
    'STCOFIPS',
    'COUNTY',
    'RISK_VALUE',
    'EAL_VALT',
    'STATE_RANK',
    ...hazardCodes.map((code) => `${code}_EALT`),
    'FEMA_RISK_VALUE',
    'FEMA_RISK_SCORE',
    'FEMA_RISK_RATNG',
    ...(list.scenario ? ['SCENARIO', 'PROJ_RISK_VALUE', 'CHANGE_RISK_RATIO'] : []),
  ];
  const rows = list.items.map((item) => [
    item.stcofips,
    item.county,
    item.riskValue,
    item.eal.total,
    item.stateRank,
    ...hazardCodes.map((code) => item.hazardEal[code] ?? null),
    item.published.riskValue,
    item.published.riskScore,
    item.published.riskRating,
    ...(list.scenario && item.projected
      ? [list.scenario.name, item.projected.riskValue, item.projected.riskValueChangeRatio]
      : []),
  ]);
  return formatCsv(header, rows);
}

export function downloadText(name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
