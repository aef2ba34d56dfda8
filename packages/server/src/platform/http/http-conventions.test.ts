import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { TestClient } from '../../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../../testing/test-vigil.ts';
import type { Vigil } from '../create-vigil.ts';
import { installAccessControl } from './access-hook.ts';

const [sqlite] = testEngines;

describe('HTTP conventions', () => {
  let database: TestDatabase;
  let vigil: Vigil;
  let s: Scenario;
  let client: TestClient;

  before(async () => {
    database = await (sqlite as (typeof testEngines)[number]).create();
    vigil = await startTestVigil(database);
    s = await seedScenario(vigil);
    client = await TestClient.signIn(vigil.app, s.users.a.email);
  });
  after(async () => {
    await vigil.close();
    await database.drop();
  });

  it('answers health with the engine', async () => {
    const response = await vigil.app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.deepEqual(response.json(), { status: 'ok', database: 'sqlite' });
  });

  it('a bad field gets problem+json naming it', async () => {
    const response = await client.post('/api/v1/bulletins', {
      title: '',
      body: 'b',
      marking: { tlp: 'GREEN' },
    });
    assert.equal(response.status, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.code, 'VALIDATION_FAILED');
    assert.equal(problem.field, 'title');
    assert.equal(problem.status, 400);
    assert.equal(typeof problem.type, 'string');
    assert.equal(problem.instance, '/api/v1/bulletins');
  });

  it('unknown JSON fields are refused, named', async () => {
    const top = await client.post('/api/v1/bulletins', {
      title: 't',
      body: 'b',
      marking: { tlp: 'GREEN' },
      priority: 'high',
    });
    assert.equal(top.status, 400);
    assert.equal(top.json().field, 'priority');
    const nested = await client.post('/api/v1/bulletins', {
      title: 't',
      body: 'b',
      marking: { tlp: 'GREEN', colour: 'green' },
    });
    assert.equal(nested.json().field, 'marking.colour');
  });

  it('bad query parameters are named too', async () => {
    const response = await client.get('/api/v1/bulletins?limit=5000');
    assert.equal(response.status, 400);
    assert.equal(response.json().field, 'limit');
  });

  it('bodies over 1 MiB get 413 problem+json, and the process stays up', async () => {
    const response = await client.post('/api/v1/bulletins', {
      title: 't',
      body: 'x'.repeat(1024 * 1024 + 10),
      marking: { tlp: 'GREEN' },
    });
    assert.equal(response.status, 413);
    assert.equal(response.json().code, 'PAYLOAD_TOO_LARGE');
    assert.match(String(response.json().detail), /limited to 1 MiB/);
    assert.equal((await client.get('/api/v1/bulletins')).status, 200);
  });

  it('malformed JSON and unknown routes answer problem+json', async () => {
    const malformed = await vigil.app.inject({
      method: 'POST',
      url: '/api/v1/bulletins',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"title": ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, 'VALIDATION_FAILED');
    const missing = await client.get('/api/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.json().code, 'NOT_FOUND');
  });

  it('anonymous callers are refused before anything else', async () => {
    const response = await vigil.app.inject({ method: 'GET', url: '/api/v1/bulletins' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'AUTHENTICATION_REQUIRED');
  });

  it('serves OpenAPI 3.1 generated from the contracts, and the docs page', async () => {
    const spec = (await vigil.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    assert.match(spec.openapi, /^3\.1/);
    const post = spec.paths['/api/v1/bulletins'].post;
    const schema = post.requestBody.content['application/json'].schema;
    assert.deepEqual(schema.required.sort(), ['body', 'marking', 'title']);
    assert.equal(schema.additionalProperties, false);
    const docs = await vigil.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('a route that declares no permission stops the server from starting (deny by default)', async () => {
    const app = Fastify();
    installAccessControl(app, {
      db: vigil.deps.database.db,
      agencies: vigil.deps.agencies,
      idleTimeoutMs: 1,
      now: () => new Date(),
    });
    assert.throws(
      () => app.get('/api/v1/forgotten', async () => ({ secret: true })),
      /declares no permission/,
    );
    app.get('/api/v1/declared', { config: { permission: 'bulletin.read' } }, async () => ({ ok: true }));
    await app.ready();
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/forgotten' })).statusCode, 404);
    await app.close();
  });

  it('responses carry hardening headers and are not cached', async () => {
    const response = await client.get('/api/v1/bulletins');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['cache-control'], 'no-store');
  });
});
