import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideLoginAttempt, type LoginState, lockoutPolicy, loginSchema, userCreateSchema } from './user.ts';

const start = new Date('2026-09-15T12:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const fresh: LoginState = { failedAttempts: 0, lockedUntil: null };

/** Plays wrong passwords one after another from `state`, all at `start`. */
function failTimes(times: number, state: LoginState = fresh) {
  let current = state;
  let last: ReturnType<typeof decideLoginAttempt> | undefined;
  for (let i = 0; i < times; i++) {
    last = decideLoginAttempt(current, false, start);
    current = last.next;
  }
  return last as ReturnType<typeof decideLoginAttempt>;
}

describe('decideLoginAttempt: consecutive failures lock the account', () => {
  it('the policy is 5 failures, 15 minutes', () => {
    assert.deepEqual(lockoutPolicy, { maxFailures: 5, lockMinutes: 15 });
  });

  it('a right password on a fresh account succeeds', () => {
    assert.deepEqual(decideLoginAttempt(fresh, true, start), {
      outcome: 'ok',
      next: fresh,
      lockedNow: false,
    });
  });

  it('4 failures are each refused as invalid and leave the account unlocked', () => {
    const fourth = failTimes(4);
    assert.equal(fourth.outcome, 'invalid');
    assert.equal(fourth.lockedNow, false);
    assert.deepEqual(fourth.next, { failedAttempts: 4, lockedUntil: null });
  });

  it('the 5th failure locks the account for 15 minutes from that attempt', () => {
    const fourth = failTimes(4);
    const fifth = decideLoginAttempt(fourth.next, false, start);
    assert.equal(fifth.outcome, 'invalid');
    assert.equal(fifth.lockedNow, true);
    assert.deepEqual(fifth.next, { failedAttempts: 5, lockedUntil: minutes(15).toISOString() });
  });

  it('the 6th attempt is refused as locked even with the right password, and changes nothing', () => {
    const locked = decideLoginAttempt(failTimes(4).next, false, start).next;
    const sixth = decideLoginAttempt(locked, true, minutes(1));
    assert.deepEqual(sixth, { outcome: 'locked', next: locked, lockedNow: false });
    const wrong = decideLoginAttempt(locked, false, minutes(14));
    assert.deepEqual(wrong, { outcome: 'locked', next: locked, lockedNow: false });
  });

  it('the lock holds until its last millisecond', () => {
    const locked = decideLoginAttempt(failTimes(4).next, false, start).next;
    const justBefore = new Date(minutes(15).getTime() - 1);
    assert.equal(decideLoginAttempt(locked, true, justBefore).outcome, 'locked');
  });

  it('after the lock expires the right password succeeds and resets the account', () => {
    const locked = decideLoginAttempt(failTimes(4).next, false, start).next;
    assert.deepEqual(decideLoginAttempt(locked, true, minutes(15)), {
      outcome: 'ok',
      next: fresh,
      lockedNow: false,
    });
  });

  it('after the lock expires a wrong password starts a new count instead of locking again at once', () => {
    const locked = decideLoginAttempt(failTimes(4).next, false, start).next;
    const afterwards = decideLoginAttempt(locked, false, minutes(16));
    assert.deepEqual(afterwards, {
      outcome: 'invalid',
      next: { failedAttempts: 1, lockedUntil: null },
      lockedNow: false,
    });
  });

  it('a success resets the failure count', () => {
    const three = failTimes(3).next;
    const ok = decideLoginAttempt(three, true, start);
    assert.deepEqual(ok.next, fresh);
    // Four more failures after the reset still do not lock.
    assert.equal(failTimes(4, ok.next).lockedNow, false);
  });
});

describe('userCreateSchema', () => {
  const valid = {
    email: 'Planner@Fairfax.Gov',
    password: 'twelve-chars',
    agencyId: 'agency-1',
    roles: ['planner', 'analyst'],
  };

  it('accepts a valid user and lowercases the e-mail', () => {
    const parsed = userCreateSchema.parse({ ...valid, attributes: ['law-enforcement'] });
    assert.equal(parsed.email, 'planner@fairfax.gov');
    assert.deepEqual(parsed.roles, ['planner', 'analyst']);
  });

  it('refuses a password shorter than 12 characters, naming the field', () => {
    const result = userCreateSchema.safeParse({ ...valid, password: 'eleven-char' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['password']);
  });

  it('refuses an unknown role', () => {
    const result = userCreateSchema.safeParse({ ...valid, roles: ['planner', 'wizard'] });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['roles', 1]);
  });

  it('refuses a user without roles', () => {
    assert.equal(userCreateSchema.safeParse({ ...valid, roles: [] }).success, false);
  });

  it('refuses an unknown attribute', () => {
    assert.equal(userCreateSchema.safeParse({ ...valid, attributes: ['top-secret'] }).success, false);
  });

  it('refuses unknown keys, so nobody can slip in extra fields', () => {
    const result = userCreateSchema.safeParse({ ...valid, isAdmin: true });
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.code, 'unrecognized_keys');
  });

  it('refuses something that is not an e-mail address', () => {
    assert.equal(userCreateSchema.safeParse({ ...valid, email: 'planner at fairfax' }).success, false);
  });
});

describe('loginSchema', () => {
  it('trims and lowercases the e-mail, so sign-in ignores its case', () => {
    assert.deepEqual(loginSchema.parse({ email: '  Director@VDEM.Virginia.Gov ', password: 'x' }), {
      email: 'director@vdem.virginia.gov',
      password: 'x',
    });
  });

  it('leaves the password exactly as typed', () => {
    assert.equal(loginSchema.parse({ email: 'a@b.gov', password: ' Pass Word ' }).password, ' Pass Word ');
  });

  it('refuses an empty password and unknown keys', () => {
    assert.equal(loginSchema.safeParse({ email: 'a@b.gov', password: '' }).success, false);
    assert.equal(loginSchema.safeParse({ email: 'a@b.gov', password: 'x', remember: true }).success, false);
  });
});
