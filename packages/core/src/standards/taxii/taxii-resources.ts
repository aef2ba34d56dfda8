import { DomainError } from '../../errors/index.ts';

/** TAXII 2.1 resources and STIX envelopes travel as this media type (Accept and Content-Type). */
export const taxiiMediaType = 'application/taxii+json;version=2.1';
export const stixMediaType = 'application/stix+json;version=2.1';

/** Does an Accept header allow a TAXII 2.1 answer? `*\/*` and `application/*` do; a bare taxii+json does (2.1 is current). */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return !version || version === 'version=2.1';
  });
}

export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type = '', ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/taxii+json') return false;
  const version = params.find((p) => p.startsWith('version='));
  return !version || version === 'version=2.1';
}

/** `match[version]`: `last` (default), `first`, `all`, or specific timestamps. */
export type TaxiiVersionMatch = { kind: 'last' | 'first' | 'all' } | { kind: 'at'; versions: string[] };

export type TaxiiFilters = {
  addedAfter?: string;
  ids: string[];
  types: string[];
  specVersions: string[];
  version: TaxiiVersionMatch;
  limit: number;
  /** Opaque cursor from an earlier page. */
  next?: { dateAdded: string; key: string };
};

export const taxiiMaxPageSize = 1000;
export const taxiiDefaultPageSize = 100;

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function list(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return parts
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function bad(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { field });
}

export function encodeTaxiiCursor(dateAdded: string, key: string): string {
  return Buffer.from(JSON.stringify([dateAdded, key]), 'utf8').toString('base64url');
}

function decodeCursor(value: string): { dateAdded: string; key: string } {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { dateAdded: parsed[0], key: parsed[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw bad('next', 'next must be a value returned by an earlier page');
}

/** Parses TAXII 2.1 query filters (`added_after`, `match[…]`, `limit`, `next`); bad values name their parameter. */
export function parseTaxiiFilters(query: Record<string, unknown>): TaxiiFilters {
  const addedAfter = query.added_after === undefined ? undefined : String(query.added_after);
  if (addedAfter !== undefined && (!timestamp.test(addedAfter) || Number.isNaN(Date.parse(addedAfter)))) {
    throw bad('added_after', 'added_after is a STIX timestamp (…Z)');
  }
  const rawLimit = query.limit === undefined ? taxiiDefaultPageSize : Number(query.limit);
  if (!Number.isInteger(rawLimit) || rawLimit < 1) throw bad('limit', 'limit is a positive whole number');
  const versions = list(query['match[version]']);
  let version: TaxiiVersionMatch = { kind: 'last' };
  if (versions.includes('all')) version = { kind: 'all' };
  else if (versions.length === 1 && (versions[0] === 'first' || versions[0] === 'last')) {
    version = { kind: versions[0] };
  } else if (versions.length) {
    const bads = versions.filter((v) => !timestamp.test(v));
    if (bads.length) throw bad('match[version]', 'match[version] is last, first, all or timestamps');
    version = { kind: 'at', versions };
  }
  const next = query.next === undefined ? undefined : decodeCursor(String(query.next));
  return {
    ...(addedAfter !== undefined ? { addedAfter } : {}),
    ids: list(query['match[id]']),
    types: list(query['match[type]']),
    specVersions: list(query['match[spec_version]']),
    version,
    // A client asking for more than we serve gets our page size: TAXII lets the server lower it.
    limit: Math.min(rawLimit, taxiiMaxPageSize),
    ...(next ? { next } : {}),
  };
}

/** TAXII's own error resource (the /taxii2 paths answer in it instead of problem+json). */
export type TaxiiError = {
  title: string;
  description?: string;
  error_id?: string;
  error_code?: string;
  http_status: string;
  details?: Record<string, unknown>;
};

export function taxiiError(
  status: number,
  title: string,
  description: string,
  code: string,
  field?: string,
): TaxiiError {
  return {
    title,
    description,
    error_code: code,
    http_status: String(status),
    ...(field ? { details: { field } } : {}),
  };
}
