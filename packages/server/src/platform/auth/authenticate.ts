import { DomainError } from '@vigil/core';
import type { Db } from '../database/transaction.ts';
import type { AgencyDirectory } from './agency-directory.ts';
import { deleteSession, findApiToken, findSession, touchSession } from './auth.store.ts';
import { type Principal, viewerFromUser } from './principal.ts';
import { apiTokenPrefix, hashSecret } from './tokens.ts';

export const sessionCookie = 'vigil_session';

export type AuthDeps = {
  db: Db;
  agencies: AgencyDirectory;
  idleTimeoutMs: number;
  now: () => Date;
};

export type Credentials = { authorization: string | undefined; sessionToken: string | undefined };

/** Recording activity at most once a minute keeps reads from turning into writes. */
const touchEveryMs = 60_000;

/**
 * Resolves the caller from a bearer token (machine partners) or the session cookie
 * (people). Sessions end after the idle timeout or their absolute lifetime; a
 * deactivated user or agency loses access on the next request.
 */
export async function authenticate(
  deps: AuthDeps,
  credentials: Credentials,
  options: { recordActivity?: boolean } = {},
): Promise<Principal> {
  const { authorization } = credentials;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]?.startsWith(apiTokenPrefix)) {
      throw new DomainError('AUTHENTICATION_REQUIRED', 'the Authorization header must be "Bearer vgl_…"', {
        field: 'Authorization',
      });
    }
    const row = await findApiToken(deps.db, hashSecret(match[1]));
    if (!row)
      throw new DomainError('AUTHENTICATION_REQUIRED', 'unknown or revoked API token', {
        field: 'Authorization',
      });
    return {
      viewer: viewerFromUser(row, await deps.agencies.ancestorsOf(row.agency_id)),
      email: row.email,
      displayName: row.display_name,
      via: 'token',
      sessionId: null,
      csrfToken: null,
    };
  }
  if (!credentials.sessionToken) throw new DomainError('AUTHENTICATION_REQUIRED', 'sign in first');
  const sessionId = hashSecret(credentials.sessionToken);
  const row = await findSession(deps.db, sessionId);
  if (!row) throw new DomainError('AUTHENTICATION_REQUIRED', 'sign in first');
  const now = deps.now();
  const idleFor = now.getTime() - Date.parse(row.last_seen_at);
  if (idleFor > deps.idleTimeoutMs || now.getTime() > Date.parse(row.expires_at)) {
    await deleteSession(deps.db, sessionId);
    throw new DomainError('SESSION_EXPIRED', 'the session expired; sign in again');
  }
  if (options.recordActivity !== false && idleFor > touchEveryMs)
    await touchSession(deps.db, sessionId, now.toISOString());
  return {
    viewer: viewerFromUser(row, await deps.agencies.ancestorsOf(row.agency_id)),
    email: row.email,
    displayName: row.display_name,
    via: 'session',
    sessionId,
    csrfToken: row.csrf_token,
  };
}
