import type {
  Incident,
  IncidentCollection,
  IncidentCreate,
  IncidentItem,
  IncidentList,
  IncidentStatus,
} from '@vigil/core/incident';
import type {
  NearestItem,
  RequestActionInput,
  RequestCreate,
  Resource,
  ResourceList,
  ResourceRequest,
} from '@vigil/core/resources';
import { vigilClient } from '../../api/vigil-client.ts';

/** The module's calls go through the app's one client (cookie, CSRF token, problems, sign-out). */
function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  return vigilClient.request<T>(method, path, body);
}

const enc = encodeURIComponent;

export const incidentApi = {
  listIncidents: () => call<IncidentList>('GET', '/api/v1/incidents?limit=200'),
  getIncident: (id: string) => call<Incident>('GET', `/api/v1/incidents/${enc(id)}`),
  createIncident: (input: IncidentCreate) => call<Incident>('POST', '/api/v1/incidents', input),
  transition: (id: string, status: IncidentStatus) =>
    call<Incident>('POST', `/api/v1/incidents/${enc(id)}/status`, { status }),
  listItems: (id: string) => call<{ items: IncidentItem[] }>('GET', `/api/v1/incidents/${enc(id)}/positions`),
  items: (id: string, collection: IncidentCollection) =>
    call<{ items: IncidentItem[] }>('GET', `/api/v1/incidents/${enc(id)}/${collection}`),
  addItem: (id: string, collection: IncidentCollection, body: Record<string, unknown>) =>
    call<IncidentItem>('POST', `/api/v1/incidents/${enc(id)}/${collection}`, body),
  updateItem: (id: string, collection: IncidentCollection, itemId: string, body: Record<string, unknown>) =>
    call<IncidentItem>('PATCH', `/api/v1/incidents/${enc(id)}/${collection}/${enc(itemId)}`, body),
  listRequests: (incidentId: string) =>
    call<{ items: ResourceRequest[] }>('GET', `/api/v1/resource-requests?incidentId=${enc(incidentId)}`),
  createRequest: (incidentId: string, input: Partial<RequestCreate>) =>
    call<ResourceRequest>('POST', `/api/v1/incidents/${enc(incidentId)}/resource-requests`, input),
  act: (requestId: string, input: RequestActionInput) =>
    call<ResourceRequest>('POST', `/api/v1/resource-requests/${enc(requestId)}/actions`, input),
  suggestions: (requestId: string) =>
    call<{ items: NearestItem[] }>('GET', `/api/v1/resource-requests/${enc(requestId)}/suggestions`),
  listResources: (query = '') => call<ResourceList>('GET', `/api/v1/resources?limit=5000${query}`),
  getResource: (id: string) => call<Resource>('GET', `/api/v1/resources/${enc(id)}`),
  resourceTypes: () =>
    call<{ items: { key: string; label: string; category: string | null }[] }>(
      'GET',
      '/api/v1/resources/types',
    ),
};

/** Where a form prints: HTML opens in a tab, PDF downloads (the server says attachment). */
export function formUrl(incidentId: string, form: string, format: 'html' | 'pdf', item?: string): string {
  return `/api/v1/incidents/${enc(incidentId)}/forms/${form}?format=${format}${item ? `&item=${enc(item)}` : ''}`;
}
