import type { MarkingInput } from '@vigil/core/access';
import type {
  CapabilityGap,
  RiskCountyDetail,
  RiskCountyList,
  RiskRecord,
  RiskRecordKind,
  RiskRecordList,
} from '@vigil/core/risk';
import { vigilClient } from '../../api/vigil-client.ts';

export type RiskReference = {
  hazards: { code: string; name: string }[];
  coreCapabilities: { name: string; missionAreas: string[] }[];
  presetScenarios: { name: string; multipliers: Record<string, number> }[];
  release: { name: string; version: string; valueOfStatisticalLife: number };
};

/** The module's calls go through the app's one client (cookie, CSRF token, problems, sign-out). */
function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  return vigilClient.request<T>(method, path, body);
}

const scenarioQuery = (scenarioId: string | null) =>
  scenarioId ? `?scenarioId=${encodeURIComponent(scenarioId)}` : '';

export const riskClient = {
  reference: () => call<RiskReference>('GET', '/api/v1/risk/reference'),
  counties: (scenarioId: string | null) =>
    call<RiskCountyList>('GET', `/api/v1/risk/counties${scenarioQuery(scenarioId)}`),
  county: (fips: string, scenarioId: string | null) =>
    call<RiskCountyDetail>(
      'GET',
      `/api/v1/risk/counties/${encodeURIComponent(fips)}${scenarioQuery(scenarioId)}`,
    ),
  gaps: () =>
    call<{ items: CapabilityGap[]; marking: RiskCountyList['marking'] }>(
      'GET',
      '/api/v1/risk/capability-gaps',
    ),
  list: (kind: RiskRecordKind, parentId?: string) =>
    call<RiskRecordList>(
      'GET',
      `/api/v1/risk/${kind}${parentId ? `?parentId=${encodeURIComponent(parentId)}` : ''}`,
    ),
  create: (kind: RiskRecordKind, data: Record<string, unknown>, marking: MarkingInput) =>
    call<RiskRecord>('POST', `/api/v1/risk/${kind}`, { data, marking }),
  update: (kind: RiskRecordKind, id: string, input: { data?: Record<string, unknown>; version?: number }) =>
    call<RiskRecord>('PATCH', `/api/v1/risk/${kind}/${encodeURIComponent(id)}`, input),
};

/** Dollars as planners read them: $1.2M, $350K. */
export function formatDollars(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(0)}K`;
  return `${sign}$${abs.toFixed(0)}`;
}

export function formatPercent(ratio: number): string {
  return `${ratio >= 0 ? '+' : '−'}${Math.abs(ratio * 100).toFixed(1)} %`;
}
