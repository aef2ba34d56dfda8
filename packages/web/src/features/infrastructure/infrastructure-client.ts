import type { CascadeRequest, CascadeResponse, Ranking } from '@vigil/core/infrastructure';
import { vigilClient } from '../../api/vigil-client.ts';

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

/** The module's calls go through the app's one client (cookie, CSRF token, problems, sign-out). */
function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return vigilClient.request<T>(method, path, body);
}

export const infrastructureClient = {
  assets: () => call<AssetCollection>('GET', '/api/v1/infrastructure/assets.geojson'),
  ranking: (limit: number) => call<Ranking>('GET', `/api/v1/infrastructure/ranking?limit=${limit}`),
  cascade: (request: Partial<CascadeRequest>) =>
    call<CascadeResponse>('POST', '/api/v1/infrastructure/cascade', request),
};
