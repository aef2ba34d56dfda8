import { randomUUID } from 'node:crypto';
import { DomainError, type User, type UserCreate, type UserUpdate, type Viewer } from '@vigil/core';
import { findAgency } from '../agencies/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { apiTokenPrefix, hashSecret, newSecret } from '../platform/auth/tokens.ts';
import type { AppDeps } from '../platform/deps.ts';
import { adminEntry } from '../platform/journal/admin-entry.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { emailTaken, findUser, insertApiToken, insertUser, updateUserRow } from './users.store.ts';

export async function addUser(deps: AppDeps, actor: Viewer | null, input: UserCreate): Promise<User> {
  const { db, engine } = deps.database;
  const agency = await findAgency(db, input.agencyId);
  if (!agency?.active)
    throw new DomainError('VALIDATION_FAILED', `no active agency ${input.agencyId}`, { field: 'agencyId' });
  if (await emailTaken(db, input.email))
    throw new DomainError('CONFLICT', `${input.email} already has an account`, { field: 'email' });
  const at = deps.now().toISOString();
  const user: User = {
    id: randomUUID(),
    email: input.email,
    displayName: input.displayName ?? input.email,
    agencyId: input.agencyId,
    roles: [...new Set(input.roles)],
    attributes: [...new Set(input.attributes ?? [])],
    active: true,
    createdAt: at,
  };
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, user, passwordHash);
    await appendJournal(
      trx,
      engine,
      adminEntry(actor, at, 'user.created', 'user', user.id, {
        email: user.email,
        agencyId: user.agencyId,
        roles: user.roles,
        attributes: user.attributes,
      }),
    );
  });
  void deps.hub.notify();
  return user;
}

export async function changeUser(deps: AppDeps, actor: Viewer, id: string, input: UserUpdate): Promise<User> {
  const { db, engine } = deps.database;
  const user = await findUser(db, id);
  if (!user) throw new DomainError('NOT_FOUND', `no user ${id}`);
  if (id === actor.userId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
    // An administrator locking themselves out leaves nobody to undo it.
    throw new DomainError('INVALID_STATE', 'you cannot deactivate yourself or drop your own admin role', {
      field: input.active === false ? 'active' : 'roles',
    });
  }
  const fields = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.roles !== undefined ? { roles: JSON.stringify([...new Set(input.roles)]) } : {}),
    ...(input.attributes !== undefined ? { attributes: JSON.stringify([...new Set(input.attributes)]) } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
  };
  const at = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await updateUserRow(trx, id, fields);
    if (input.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await appendJournal(trx, engine, adminEntry(actor, at, 'user.updated', 'user', id, { ...input }));
  });
  void deps.hub.notify();
  return { ...user, ...input };
}

/** Issues a bearer token for a machine partner; the secret is shown once and only its hash is kept. */
export async function issueApiToken(
  deps: AppDeps,
  actor: Viewer | null,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const { db, engine } = deps.database;
  const user = await findUser(db, userId);
  if (!user?.active) throw new DomainError('NOT_FOUND', `no active user ${userId}`);
  const token = newSecret(apiTokenPrefix);
  const id = randomUUID();
  const at = deps.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertApiToken(trx, { id, userId, name, tokenHash: hashSecret(token), createdAt: at });
    await appendJournal(
      trx,
      engine,
      adminEntry(actor, at, 'api-token.issued', 'user', userId, { tokenId: id, name }),
    );
  });
  return { id, token };
}
