import type { TlpLabel } from '@vigil/core/access';
import type { EdxlDistribution, EdxlPayload, ResourceRequest } from '@vigil/core/standards/edxl';
import type { SignatureVerdict, StandardsIssue } from '@vigil/core/standards/xml';
import { ApiError, type Problem, vigilClient } from '../../api/vigil-client.ts';

/** One alert's verdict as `POST /api/v1/interop/cap/validate` answers it. */
export type CapVerdictView = {
  valid: boolean;
  location: string;
  version: string;
  identifier: string;
  sender: string;
  errors: StandardsIssue[];
  warnings: StandardsIssue[];
  signature: SignatureVerdict;
};

/** One content object of an envelope with what it holds: CAP verdicts, or the EDXL-RM message as a resource request. */
export type EdxlPayloadView = EdxlPayload & {
  cap: CapVerdictView[] | null;
  resourceRequest: ResourceRequest | null;
};

/** An EDXL-DE envelope as `POST /api/v1/interop/edxl/unwrap` answers it. */
export type EdxlEnvelopeView = Omit<EdxlDistribution, 'payloads'> & { payloads: EdxlPayloadView[] };

export type StixObjectVerdictView = {
  id: string;
  type: string;
  version: string;
  valid: boolean;
  tlp: TlpLabel | null;
  errors: StandardsIssue[];
  warnings: StandardsIssue[];
};

export type StixVerdictView = {
  bundleId: string | null;
  valid: boolean;
  errors: StandardsIssue[];
  objects: StixObjectVerdictView[];
};

export type TaxiiStatusView = {
  id: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  failures: { id: string; version: string; message: string }[];
};

export type MarkingView = { tlp: TlpLabel; label: string };

export type CapAlertItem = {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  msgType: string;
  status: string;
  event: string;
  scope: string;
  headline: string;
  languages: string[];
  areas: string[];
  signature: SignatureVerdict['status'];
  marking: MarkingView;
  receivedAt: string;
};

export type CollectionItem = {
  id: string;
  title: string;
  description: string;
  alias: string | null;
  defaultTlp: TlpLabel;
  canRead: boolean;
  canWrite: boolean;
};

export type StixObjectItem = {
  id: string;
  type: string;
  name: string;
  version: string;
  dateAdded: string;
  marking: MarkingView;
  object: Record<string, unknown>;
};

export type CapOptions = { lenient: boolean; ipaws: boolean };

let csrfToken: Promise<string> | null = null;

/**
 * The interop module's calls. Documents go up as they are (raw XML or JSON: the server's
 * standards readers, not a JSON parser, decide what they are); answers are JSON.
 */
async function call<T>(method: 'GET' | 'POST', path: string, body?: string | Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/octet-stream';
  if (method !== 'GET') {
    csrfToken ??= vigilClient.currentSession().then((session) => session.csrfToken ?? '');
    headers['x-csrf-token'] = await csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body } : {}),
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

const capQuery = (options: CapOptions) =>
  `?strict=${options.lenient ? 'false' : 'true'}&ipaws=${options.ipaws ? 'true' : 'false'}`;

export const interopClient = {
  validateCap: (document: string | Blob, options: CapOptions) =>
    call<{ verdicts: CapVerdictView[] }>(
      'POST',
      `/api/v1/interop/cap/validate${capQuery(options)}`,
      document,
    ),
  ingestCap: (document: string | Blob, options: CapOptions) =>
    call<{ stored: { id: string; identifier: string; duplicate: boolean }[]; verdicts: CapVerdictView[] }>(
      'POST',
      `/api/v1/interop/cap${capQuery(options)}`,
      document,
    ),
  unwrapEdxl: (document: string | Blob) =>
    call<EdxlEnvelopeView>('POST', '/api/v1/interop/edxl/unwrap', document),
  capAlerts: () => call<{ items: CapAlertItem[] }>('GET', '/api/v1/interop/cap?limit=200'),
  validateStix: (document: string | Blob) =>
    call<StixVerdictView>('POST', '/api/v1/interop/stix/validate', document),
  importStix: (document: string | Blob, collectionId: string) =>
    call<TaxiiStatusView>(
      'POST',
      `/api/v1/interop/stix?collection=${encodeURIComponent(collectionId)}`,
      document,
    ),
  collections: () => call<{ items: CollectionItem[] }>('GET', '/api/v1/interop/collections'),
  collectionObjects: (collectionId: string, type: string) =>
    call<{ items: StixObjectItem[]; more: boolean }>(
      'GET',
      `/api/v1/interop/collections/${encodeURIComponent(collectionId)}/objects${type ? `?type=${encodeURIComponent(type)}` : ''}`,
    ),
};

/** Where the browser downloads an alert as canonical CAP 1.2 XML (the session cookie rides along). */
export const capXmlUrl = (id: string) => `/api/v1/interop/cap/${encodeURIComponent(id)}.xml`;
