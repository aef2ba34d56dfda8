import { z } from 'zod';
import { roleSchema, userAttributeSchema } from '../access/index.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'not an e-mail address');

/** NIST SP 800-63B: length over composition rules; an upper bound keeps hashing cheap to refuse. */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256);

export const userCreateSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(200).optional(),
  agencyId: z.string().min(1).max(64),
  roles: z.array(roleSchema).min(1).max(10),
  attributes: z.array(userAttributeSchema).max(10).optional(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(roleSchema).min(1).max(10).optional(),
  attributes: z.array(userAttributeSchema).max(10).optional(),
  active: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  agencyId: z.string(),
  roles: z.array(roleSchema),
  attributes: z.array(userAttributeSchema),
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(256),
});
export type Login = z.infer<typeof loginSchema>;

export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

export type LoginState = { failedAttempts: number; lockedUntil: string | null };

/**
 * Consecutive failures lock the account: the 5th wrong password sets the lock, so the
 * 6th attempt is refused as locked, whatever password it carries. A success resets.
 */
export function decideLoginAttempt(
  state: LoginState,
  passwordMatches: boolean,
  now: Date,
): { outcome: 'ok' | 'invalid' | 'locked'; next: LoginState; lockedNow: boolean } {
  if (state.lockedUntil && Date.parse(state.lockedUntil) > now.getTime()) {
    return { outcome: 'locked', next: state, lockedNow: false };
  }
  if (passwordMatches)
    return { outcome: 'ok', next: { failedAttempts: 0, lockedUntil: null }, lockedNow: false };
  const failedAttempts = (state.lockedUntil ? 0 : state.failedAttempts) + 1;
  if (failedAttempts >= lockoutPolicy.maxFailures) {
    const lockedUntil = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000).toISOString();
    return { outcome: 'invalid', next: { failedAttempts, lockedUntil }, lockedNow: true };
  }
  return { outcome: 'invalid', next: { failedAttempts, lockedUntil: null }, lockedNow: false };
}

/** What sign-in and `GET /api/v1/auth/session` answer: the person, and the CSRF token for state changes. */
export const sessionSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    agencyId: z.string(),
    roles: z.array(roleSchema),
    attributes: z.array(userAttributeSchema),
  }),
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
