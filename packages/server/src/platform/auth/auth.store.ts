import { preparedQuery } from '../database/prepared-query.ts';
import type { Executor } from '../database/transaction.ts';

const userColumns = ['u.id', 'u.agency_id', 'u.roles', 'u.attributes', 'u.email', 'u.display_name'] as const;

// Run on every request: prepared once (see preparedQuery), still read afresh each time,
// so a deactivation or a revocation applies to the very next request.
const sessionWithUser = preparedQuery((db, v: { sessionId: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([...userColumns, 's.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at'])
    .where('s.id', '=', v.sessionId)
    .where('u.active', '=', 1)
    .where('a.active', '=', 1),
);

const apiTokenWithUser = preparedQuery((db, v: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([...userColumns, 't.id as token_id'])
    .where('t.token_hash', '=', v.tokenHash)
    .where('t.revoked_at', 'is', null)
    .where('u.active', '=', 1)
    .where('a.active', '=', 1),
);

export async function findSession(db: Executor, sessionId: string) {
  return sessionWithUser.executeTakeFirst(db, { sessionId }, {});
}

export async function findApiToken(db: Executor, tokenHash: string) {
  return apiTokenWithUser.executeTakeFirst(db, { tokenHash }, {});
}

export async function findLoginUser(db: Executor, email: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      ...userColumns,
      'u.password_hash',
      'u.failed_attempts',
      'u.locked_until',
      'u.active',
      'a.active as agency_active',
    ])
    .where('u.email', '=', email)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
