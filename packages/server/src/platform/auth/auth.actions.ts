import { DomainError, decideLoginAttempt, type Login } from '@vigil/core';
import type { AppDeps } from '../deps.ts';
import { appendJournal } from '../journal/journal.store.ts';
import { deleteSession, findLoginUser } from './auth.store.ts';
import { verifyPassword } from './passwords.ts';
import { type Principal, viewerFromUser } from './principal.ts';
import { hashSecret, newSecret } from './tokens.ts';

export type SignedIn = { principal: Principal; sessionToken: string };

/**
 * Signs a person in. Unknown e-mail and wrong password answer alike (and cost alike);
 * five consecutive failures lock the account for 15 minutes; the lock and each
 * sign-in are journaled as security entries.
 */
export async function signIn(deps: AppDeps, input: Login): Promise<SignedIn> {
  const { db, engine } = deps.database;
  const user = await findLoginUser(db, input.email);
  const matches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user) throw new DomainError('INVALID_CREDENTIALS', 'unknown e-mail or wrong password');
  const now = deps.now();
  const at = now.toISOString();
  const decision = decideLoginAttempt(
    { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until },
    matches,
    now,
  );
  if (decision.outcome === 'locked') {
    throw new DomainError('ACCOUNT_LOCKED', `too many failed sign-ins; try again after ${user.locked_until}`);
  }
  const journal = (action: string, change: Record<string, string | number>) =>
    ({
      at,
      actorUserId: user.id,
      actorAgencyId: user.agency_id,
      action,
      kind: 'security',
      entityType: 'user',
      entityId: user.id,
      change,
      markingId: null,
      marking: null,
    }) as const;

  if (decision.outcome === 'invalid') {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_attempts: decision.next.failedAttempts, locked_until: decision.next.lockedUntil })
        .where('id', '=', user.id)
        .execute();
      if (decision.lockedNow) {
        await appendJournal(trx, engine, journal('user.locked', { until: decision.next.lockedUntil ?? '' }));
      }
    });
    throw new DomainError('INVALID_CREDENTIALS', 'unknown e-mail or wrong password');
  }
  if (user.active !== 1 || user.agency_active !== 1) {
    throw new DomainError('INVALID_CREDENTIALS', 'unknown e-mail or wrong password');
  }
  const sessionToken = newSecret();
  const sessionId = hashSecret(sessionToken);
  const csrfToken = newSecret();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now.getTime() + deps.config.sessionMaxMs).toISOString(),
      })
      .execute();
    await appendJournal(trx, engine, journal('user.signed-in', { method: 'password' }));
  });
  return {
    sessionToken,
    principal: {
      viewer: viewerFromUser(user, await deps.agencies.ancestorsOf(user.agency_id)),
      email: user.email,
      displayName: user.display_name,
      via: 'session',
      sessionId,
      csrfToken,
    },
  };
}

export async function signOut(deps: AppDeps, principal: Principal): Promise<void> {
  if (principal.sessionId) await deleteSession(deps.database.db, principal.sessionId);
}
