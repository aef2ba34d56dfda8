import type {
  ExecutionSummaryView,
  Frontier,
  OptimizationResult,
  PortfolioDetail,
  PortfolioList,
  WhyNot,
} from '@vigil/core/budget';
import { ApiError, type Problem, vigilClient } from '../../api/vigil-client.ts';

let csrfToken: Promise<string> | null = null;

/** The budget module's calls; state changes carry the CSRF token the session endpoint hands out. */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    csrfToken ??= vigilClient.currentSession().then((session) => session.csrfToken ?? '');
    headers['x-csrf-token'] = await csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(
      (payload as Problem | null) ?? {
        status: response.status,
        code: 'INTERNAL',
        detail: response.statusText || 'the server did not answer',
        title: 'Error',
      },
    );
    if (error.problem.code === 'CSRF_TOKEN_INVALID') csrfToken = null;
    if (error.isSignedOut) {
      csrfToken = null;
      vigilClient.onSignedOut();
    }
    throw error;
  }
  return payload as T;
}

const base = '/api/v1/budget/portfolios';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
export type Run = OptimizationResult & { run_id: string };

export const budgetClient = {
  list: () => call<PortfolioList>('GET', base),
  read: (id: string) => call<PortfolioDetail>('GET', one(id)),
  optimize: (id: string) => call<Run>('POST', `${one(id)}/optimize`, { time_limit: 30 }),
  result: (id: string) => call<Run>('GET', `${one(id)}/result`),
  whyNot: (id: string, investmentId: string) =>
    call<WhyNot>('POST', `${one(id)}/why-not`, { investment_id: investmentId }),
  frontier: (id: string) => call<Frontier>('POST', `${one(id)}/frontier`, {}),
  execution: (id: string, asOf: string) =>
    call<ExecutionSummaryView>('GET', `${one(id)}/execution?as_of=${encodeURIComponent(asOf)}`),
};

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${value < 0 ? '−' : ''}$${(abs / 1e6).toFixed(2)}M`;
  return dollars.format(value);
}
