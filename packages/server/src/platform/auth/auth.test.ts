import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import {
  type Scenario,
  seedScenario,
  startTestVigil,
  type TestClock,
  testClock,
  testPassword,
} from '../../testing/test-vigil.ts';
import { issueApiToken } from '../../users/index.ts';
import type { Vigil } from '../create-vigil.ts';

for (const { engine, create } of testEngines) {
  describe(`sign-in, sessions and tokens (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let clock: TestClock;

    before(async () => {
      database = await create();
      clock = testClock();
      vigil = await startTestVigil(database, { clock, env: { VIGIL_IDLE_TIMEOUT_MINUTES: '15' } });
      s = await seedScenario(vigil);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    it('sets an HttpOnly, SameSite=Strict session cookie and answers user and CSRF token', async () => {
      const response = await vigil.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'A@Test.Example', password: testPassword },
      });
      assert.equal(response.statusCode, 200);
      const cookie = String(response.headers['set-cookie']);
      assert.match(cookie, /^vigil_session=/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const body = response.json();
      assert.equal(body.user.id, s.users.a.id);
      assert.equal(typeof body.csrfToken, 'string');
      assert.equal(body.user.password_hash, undefined);
    });

    it('the 6th wrong password finds the account locked, even the right one is refused, and the lock is journaled', async () => {
      const attempt = (password: string) =>
        vigil.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: s.users.b2.email, password },
        });
      for (let i = 1; i <= 5; i += 1) {
        const response = await attempt('wrong password!');
        assert.equal(response.statusCode, 401, `attempt ${i}`);
        assert.equal(response.json().code, 'INVALID_CREDENTIALS');
      }
      const sixth = await attempt('wrong password!');
      assert.equal(sixth.statusCode, 423);
      assert.equal(sixth.json().code, 'ACCOUNT_LOCKED');
      assert.equal((await attempt(testPassword)).statusCode, 423, 'locked means locked');
      const locked = await vigil.deps.database.db
        .selectFrom('journal')
        .select('action')
        .where('entity_id', '=', s.users.b2.id)
        .where('action', '=', 'user.locked')
        .execute();
      assert.equal(locked.length, 1);
      clock.advance(15 * 60_000 + 1000);
      assert.equal((await attempt(testPassword)).statusCode, 200, 'the lock lapses after 15 minutes');
    });

    it('unknown e-mail and wrong password answer alike', async () => {
      const unknown = await vigil.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@test.example', password: testPassword },
      });
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.json().code, 'INVALID_CREDENTIALS');
    });

    it('state changes by cookie need the X-CSRF-Token; reads do not', async () => {
      const client = await TestClient.signIn(vigil.app, s.users.a.email);
      const body = { title: 't', body: 'b', marking: { tlp: 'CLEAR' } };
      const forged = await client.request('POST', '/api/v1/bulletins', body, { 'x-csrf-token': 'forged' });
      assert.equal(forged.status, 403);
      assert.equal(forged.json().code, 'CSRF_TOKEN_INVALID');
      const token = client.csrfToken;
      client.csrfToken = '';
      assert.equal((await client.post('/api/v1/bulletins', body)).json().code, 'CSRF_TOKEN_INVALID');
      assert.equal((await client.get('/api/v1/bulletins')).status, 200);
      client.csrfToken = token;
      assert.equal((await client.post('/api/v1/bulletins', body)).status, 201);
    });

    it('a session ends after the idle timeout, and activity keeps it alive', async () => {
      const client = await TestClient.signIn(vigil.app, s.users.a.email);
      clock.advance(10 * 60_000);
      assert.equal((await client.get('/api/v1/auth/session')).status, 200);
      clock.advance(10 * 60_000);
      assert.equal((await client.get('/api/v1/auth/session')).status, 200, 'active 10 minutes ago');
      clock.advance(16 * 60_000);
      const expired = await client.get('/api/v1/auth/session');
      assert.equal(expired.status, 401);
      assert.equal(expired.json().code, 'SESSION_EXPIRED');
      assert.equal(
        (await client.get('/api/v1/auth/session')).json().code,
        'AUTHENTICATION_REQUIRED',
        'the session is gone',
      );
    });

    it('sign-out ends the session', async () => {
      const client = await TestClient.signIn(vigil.app, s.users.a.email);
      assert.equal((await client.post('/api/v1/auth/logout')).status, 204);
      assert.equal((await client.get('/api/v1/bulletins')).status, 401);
    });

    it('machine partners use bearer tokens, without CSRF; revoked users lose access', async () => {
      const { token } = await issueApiToken(vigil.deps, null, s.users.bChild.id, 'partner feed');
      const auth = { authorization: `Bearer ${token}` };
      const created = await vigil.app.inject({
        method: 'POST',
        url: '/api/v1/bulletins',
        headers: auth,
        payload: { title: 'From a machine', body: 'b', marking: { tlp: 'GREEN' } },
      });
      assert.equal(created.statusCode, 201);
      const bad = await vigil.app.inject({
        method: 'GET',
        url: '/api/v1/bulletins',
        headers: { authorization: 'Bearer vgl_not-a-token' },
      });
      assert.equal(bad.statusCode, 401);
      const admin = await TestClient.signIn(vigil.app, s.users.admin.email);
      assert.equal((await admin.patch(`/api/v1/users/${s.users.bChild.id}`, { active: false })).status, 200);
      assert.equal(
        (await vigil.app.inject({ method: 'GET', url: '/api/v1/bulletins', headers: auth })).statusCode,
        401,
      );
    });

    it('administration needs the admin role', async () => {
      const analyst = await TestClient.signIn(vigil.app, s.users.a.email);
      const refused = await analyst.post('/api/v1/agencies', { name: 'Rogue agency', kind: 'local' });
      assert.equal(refused.status, 403);
      const admin = await TestClient.signIn(vigil.app, s.users.admin.email);
      const agency = await admin.post('/api/v1/agencies', {
        name: 'Chesapeake EM',
        kind: 'local',
        parentId: s.agencies.b,
        jurisdiction: ['51550'],
      });
      assert.equal(agency.status, 201);
      const user = await admin.post('/api/v1/users', {
        email: 'new@test.example',
        password: testPassword,
        agencyId: agency.json().id,
        roles: ['operations'],
      });
      assert.equal(user.status, 201);
      assert.equal(user.json().password, undefined);
      const signedIn = await TestClient.signIn(vigil.app, 'new@test.example');
      assert.equal(
        (await signedIn.get('/api/v1/auth/session')).json<{ user: { agencyId: string } }>().user.agencyId,
        agency.json().id,
      );
    });
  });
}
