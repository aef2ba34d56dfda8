import type { User } from '@vigil/core';
import type { UserTable } from '../platform/database/schema.ts';
import type { Executor } from '../platform/database/transaction.ts';

const publicColumns = [
  'id',
  'email',
  'display_name',
  'agency_id',
  'roles',
  'attributes',
  'active',
  'created_at',
] as const;

/** Password hashes and lockout counters never leave the store through this shape. */
export function toUser(row: Pick<UserTable, (typeof publicColumns)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    agencyId: row.agency_id,
    roles: JSON.parse(row.roles) as User['roles'],
    attributes: JSON.parse(row.attributes) as User['attributes'],
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function listUsers(db: Executor, agencyId?: string): Promise<User[]> {
  let query = db.selectFrom('users').select(publicColumns).orderBy('email');
  if (agencyId) query = query.where('agency_id', '=', agencyId);
  return (await query.execute()).map(toUser);
}

export async function findUser(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined
  );
}

export async function insertUser(db: Executor, user: User, passwordHash: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      agency_id: user.agencyId,
      roles: JSON.stringify(user.roles),
      attributes: JSON.stringify(user.attributes),
      password_hash: passwordHash,
      active: user.active ? 1 : 0,
      failed_attempts: 0,
      locked_until: null,
      created_at: user.createdAt,
    })
    .execute();
}

export async function updateUserRow(db: Executor, id: string, fields: Partial<UserTable>): Promise<void> {
  await db.updateTable('users').set(fields).where('id', '=', id).execute();
}

export async function insertApiToken(
  db: Executor,
  token: { id: string; userId: string; name: string; tokenHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      created_at: token.createdAt,
      revoked_at: null,
    })
    .execute();
}
