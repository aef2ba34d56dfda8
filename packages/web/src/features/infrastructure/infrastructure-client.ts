import type { CascadeRequest, CascadeResponse, Ranking } from '@vigil/core/infrastructure';
import { ApiError, type Problem, vigilClient } from '../../api/vigil-client.ts';

export type AssetFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    id: string;
    name: string;
    sector: string;
    type: string;
    populationServed: number;
    backupHours: number;
    tlp: string;
  };
};
export type AssetCollection = { type: 'FeatureCollection'; features: AssetFeature[]; marking: string };

let csrfToken: Promise<string> | null = null;

/** The infrastructure module's calls; state-changing ones (and the POSTed what-if) carry the CSRF token. */
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
    if (error.problem.code === 'CSRF_TOKEN_INVALID' || error.isSignedOut) csrfToken = null;
    if (error.isSignedOut) vigilClient.onSignedOut();
    throw error;
  }
  return payload as T;
}

export const infrastructureClient = {
  assets: () => call<AssetCollection>('GET', '/api/v1/infrastructure/assets.geojson'),
  ranking: (limit: number) => call<Ranking>('GET', `/api/v1/infrastructure/ranking?limit=${limit}`),
  cascade: (request: Partial<CascadeRequest>) =>
    call<CascadeResponse>('POST', '/api/v1/infrastructure/cascade', request),
};
