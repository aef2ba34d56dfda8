import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { tlp2MarkingIds } from '@vigil/core/standards/stix';
import { taxiiMediaType } from '@vigil/core/standards/taxii';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { standardsPool } from './standards-pool.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../core/src/standards/fixtures/${path}`, import.meta.url));
const taxii = { accept: taxiiMediaType, 'content-type': taxiiMediaType };

type Envelope = { more: boolean; next?: string; objects: { id: string }[] };

for (const { engine, create } of testEngines) {
  describe(`interop and TAXII 2.1 (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let admin: TestClient;
    let a: TestClient;
    let b: TestClient;
    let c: TestClient;
    let collectionId: string;

    const raw = (
      client: TestClient,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      body?: Buffer | string,
      headers = {},
    ) => client.request(method, url, body as unknown, headers);

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const signIn = (u: { email: string }) => TestClient.signIn(vigil.app, u.email);
      [admin, a, b, c] = [
        await signIn(s.users.admin),
        await signIn(s.users.a),
        await signIn(s.users.b),
        await signIn(s.users.c),
      ];
      // Owned by A (the admin's agency); B may read and write, C is not granted.
      const created = await raw(
        admin,
        'POST',
        '/api/v1/interop/collections',
        JSON.stringify({
          title: 'Virginia CTI',
          alias: 'va-cti',
          defaultTlp: 'GREEN',
          access: [{ agencyId: s.agencies.b, canRead: true, canWrite: true }],
        }),
        { 'content-type': 'application/json' },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      collectionId = created.json<{ id: string }>().id;
    });
    after(async () => {
      await vigil.close();
      await database.drop();
      await standardsPool().close();
    });

    it('a TAXII client flow: discover → collections → post an envelope → poll status → page through objects', async () => {
      const discovery = await raw(b, 'GET', '/taxii2/', undefined, { accept: taxiiMediaType });
      assert.equal(discovery.status, 200);
      assert.match(String(discovery.headers['content-type']), /application\/taxii\+json;\s?version=2\.1/);
      const apiRoot = discovery.json<{ api_roots: string[] }>().api_roots[0] as string;
      const root = await raw(b, 'GET', apiRoot, undefined, { accept: taxiiMediaType });
      assert.deepEqual(root.json<{ versions: string[] }>().versions, [taxiiMediaType]);
      const collections = (
        await raw(b, 'GET', `${apiRoot}collections/`, undefined, { accept: taxiiMediaType })
      ).json<{
        collections: { id: string; can_read: boolean; can_write: boolean }[];
      }>().collections;
      assert.deepEqual(
        collections.map((x) => [x.id, x.can_read, x.can_write]),
        [[collectionId, true, true]],
      );

      const apt1 = JSON.parse(
        fixture('stix/cti-stix2-json-schemas/examples/threat-reports/apt1.json').toString('utf8'),
      );
      const posted = await raw(
        b,
        'POST',
        `${apiRoot}collections/${collectionId}/objects/`,
        JSON.stringify({ objects: apt1.objects }),
        taxii,
      );
      assert.equal(posted.status, 202, JSON.stringify(posted.body));
      const status = posted.json<{ id: string; success_count: number; failure_count: number }>();
      assert.equal(status.success_count, 76);
      assert.equal(status.failure_count, 0);
      const polled = await raw(b, 'GET', `${apiRoot}status/${status.id}/`, undefined, {
        accept: taxiiMediaType,
      });
      assert.equal(polled.json<{ total_count: number }>().total_count, 76);

      const seen: string[] = [];
      let url = `${apiRoot}collections/${collectionId}/objects/?limit=30`;
      for (let pages = 0; pages < 10; pages += 1) {
        const response = await raw(b, 'GET', url, undefined, { accept: taxiiMediaType });
        assert.equal(response.status, 200);
        const envelope = response.json<Envelope>();
        seen.push(...envelope.objects.map((o) => o.id));
        if (!envelope.more) break;
        assert.ok(response.headers['x-taxii-date-added-first']);
        url = `${apiRoot}collections/${collectionId}/objects/?limit=30&next=${envelope.next}`;
      }
      assert.equal(seen.length, 76);
      assert.equal(new Set(seen).size, 76);

      const indicators = (
        await raw(
          b,
          'GET',
          `${apiRoot}collections/${collectionId}/objects/?match[type]=indicator,malware`,
          undefined,
          { accept: taxiiMediaType },
        )
      ).json<Envelope>();
      assert.ok(indicators.objects.length > 0);
      const manifest = (
        await raw(b, 'GET', `${apiRoot}collections/${collectionId}/manifest/`, undefined, {
          accept: taxiiMediaType,
        })
      ).json<{
        objects: { id: string; version: string }[];
      }>();
      const first = manifest.objects[0] as { id: string; version: string };
      const versions = await raw(
        b,
        'GET',
        `${apiRoot}collections/${collectionId}/objects/${first.id}/versions/`,
        undefined,
        { accept: taxiiMediaType },
      );
      assert.deepEqual(versions.json<{ versions: string[] }>().versions, [first.version]);

      // TAXII 2.1 §5.7: a writer deletes the object; objects, versions and manifest no longer have it.
      const objectUrl = `${apiRoot}collections/${collectionId}/objects/${first.id}/`;
      const removed = await raw(b, 'DELETE', objectUrl, undefined, { accept: taxiiMediaType });
      assert.equal(removed.status, 200, JSON.stringify(removed.body));
      assert.equal(removed.headers['content-type'], taxiiMediaType);
      assert.equal((await raw(b, 'GET', objectUrl, undefined, { accept: taxiiMediaType })).status, 404);
      const after = (
        await raw(b, 'GET', `${apiRoot}collections/${collectionId}/manifest/?limit=1000`, undefined, {
          accept: taxiiMediaType,
        })
      ).json<{ objects: { id: string }[] }>();
      assert.equal(after.objects.length, 75);
      assert.equal((await raw(b, 'DELETE', objectUrl, undefined, { accept: taxiiMediaType })).status, 404);
    });

    it('markings hold on every path: TLP:RED reaches only its author, AMBER reaches the collection readers', async () => {
      const indicator = (id: string, label: keyof typeof tlp2MarkingIds) => ({
        type: 'indicator',
        spec_version: '2.1',
        id,
        created: '2026-09-01T00:00:00.000Z',
        modified: '2026-09-01T00:00:00.000Z',
        pattern: "[ipv4-addr:value = '203.0.113.7']",
        pattern_type: 'stix',
        valid_from: '2026-09-01T00:00:00Z',
        object_marking_refs: [tlp2MarkingIds[label]],
      });
      const red = 'indicator--0f6f6c6e-8a4f-4c8e-9f7a-1a2b3c4d5e6f';
      const amber = 'indicator--1f6f6c6e-8a4f-4c8e-9f7a-1a2b3c4d5e6f';
      const posted = await raw(
        a,
        'POST',
        `/api/v1/interop/stix?collection=${collectionId}`,
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--2f6f6c6e-8a4f-4c8e-9f7a-1a2b3c4d5e6f',
          objects: [indicator(red, 'RED'), indicator(amber, 'AMBER')],
        }),
        { 'content-type': 'application/json' },
      );
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      const idsFor = async (client: TestClient) =>
        (
          await raw(
            client,
            'GET',
            `/taxii2/vigil/collections/${collectionId}/objects/?match[type]=indicator&limit=1000`,
            undefined,
            { accept: taxiiMediaType },
          )
        )
          .json<Envelope>()
          .objects.map((o) => o.id);
      assert.ok((await idsFor(a)).includes(red));
      assert.ok(!(await idsFor(b)).includes(red), 'RED must not reach B');
      assert.ok((await idsFor(b)).includes(amber), 'AMBER is shared with the collection readers');
      const single = await raw(
        b,
        'GET',
        `/taxii2/vigil/collections/${collectionId}/objects/${red}/`,
        undefined,
        { accept: taxiiMediaType },
      );
      assert.equal(single.status, 404);
      assert.equal(single.json<{ http_status: string }>().http_status, '404');
      const exported = (await raw(b, 'GET', '/api/v1/interop/stix/export?type=indicator')).json<{
        objects: { id: string }[];
      }>();
      assert.ok(!exported.objects.some((o) => o.id === red));
      // C has no grant on the collection at all.
      const denied = await raw(c, 'GET', `/taxii2/vigil/collections/${collectionId}/objects/`, undefined, {
        accept: taxiiMediaType,
      });
      assert.equal(denied.status, 404);
    });

    it('TAXII refusals use TAXII media types and the error resource', async () => {
      const wrongAccept = await raw(b, 'GET', '/taxii2/', undefined, { accept: 'text/html' });
      assert.equal(wrongAccept.status, 406);
      assert.equal(wrongAccept.json<{ http_status: string }>().http_status, '406');
      const wrongType = await raw(
        b,
        'POST',
        `/taxii2/vigil/collections/${collectionId}/objects/`,
        '{"objects":[]}',
        {
          accept: taxiiMediaType,
          'content-type': 'application/json',
        },
      );
      assert.equal(wrongType.status, 415);
      const anonymous = await vigil.app.inject({
        method: 'GET',
        url: '/taxii2/',
        headers: { accept: taxiiMediaType },
      });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().error_code, 'AUTHENTICATION_REQUIRED');
    });

    it('without a trust store a good signature is `verified` and says the signer was not checked', async () => {
      const checked = await raw(
        a,
        'POST',
        '/api/v1/interop/cap/validate',
        fixture('cap/real/willglynn-oasiscap/ipaws-5e6dd9de023f1930ef6548d9.xml'),
        { 'content-type': 'application/xml' },
      );
      const signature = checked.json<{ verdicts: { signature: Record<string, unknown> }[] }>().verdicts[0]
        ?.signature;
      assert.deepEqual(signature, { status: 'verified', keySource: 'x509-certificate', trustChecked: false });
    });

    it('CAP: validate, ingest, read back as canonical XML; an invalid alert writes nothing', async () => {
      const a3 = fixture('cap/spec-examples/cap12-appendix-A3.xml');
      const checked = await raw(a, 'POST', '/api/v1/interop/cap/validate', a3, {
        'content-type': 'application/xml',
      });
      assert.equal(checked.json<{ verdicts: { valid: boolean }[] }>().verdicts[0]?.valid, true);
      const stored = await raw(a, 'POST', '/api/v1/interop/cap?tlp=AMBER', a3, {
        'content-type': 'application/xml',
      });
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
      const id = stored.json<{ stored: { id: string }[] }>().stored[0]?.id as string;
      const xml = await raw(a, 'GET', `/api/v1/interop/cap/${id}.xml`);
      assert.equal(xml.status, 200);
      assert.match(String(xml.body), /<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">/);
      assert.equal(
        (await raw(c, 'GET', `/api/v1/interop/cap/${id}.xml`)).status,
        404,
        'AMBER alert hidden from C',
      );
      const before = (await raw(a, 'GET', '/api/v1/interop/cap')).json<{ items: unknown[] }>().items.length;
      const invalid = await raw(
        a,
        'POST',
        '/api/v1/interop/cap',
        fixture('cap/real/google-cap-library/invalid.cap'),
        { 'content-type': 'application/xml' },
      );
      assert.equal(invalid.status, 400);
      assert.equal(invalid.json().code, 'VALIDATION_FAILED');
      assert.equal(
        (await raw(a, 'GET', '/api/v1/interop/cap')).json<{ items: unknown[] }>().items.length,
        before,
      );
    });

    it('hostile documents are refused with a stable code and the server stays healthy', async () => {
      const hostile: [string, Buffer | string, string][] = [
        ['/api/v1/interop/cap/validate', fixture('cap/real/google-cap-library/xee.cap'), 'doctype-forbidden'],
        ['/api/v1/interop/cap/validate', `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, 'doctype-forbidden'],
        ['/api/v1/interop/cap/validate', `${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`, 'too-deep'],
        ['/api/v1/interop/cap/validate', `<a b="${'x'.repeat(400_000)}"/>`, 'token-too-long'],
        ['/api/v1/interop/stix/validate', '{"type":"bundle","type":"bundle"}', 'duplicate-key'],
        ['/api/v1/interop/stix/validate', '{"__proto__":{"admin":true}}', 'forbidden-key'],
        ['/api/v1/interop/stix/validate', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'too-deep'],
      ];
      for (const [url, body, reason] of hostile) {
        const started = Date.now();
        const response = await raw(a, 'POST', url, body, { 'content-type': 'application/octet-stream' });
        assert.equal(response.status, 400, `${reason}: ${JSON.stringify(response.body)}`);
        assert.equal(response.json().code, 'VALIDATION_FAILED');
        assert.match(String(response.json().detail), new RegExp(`^${reason}:`));
        assert.ok(Date.now() - started < 5000);
      }
      const tooLarge = await raw(
        a,
        'POST',
        '/api/v1/interop/cap/validate',
        Buffer.alloc(5 * 1024 * 1024, 32),
        { 'content-type': 'application/xml' },
      );
      assert.equal(tooLarge.status, 413);
      assert.match(
        String(tooLarge.json().detail),
        /limited to 4 MiB/,
        'the limit of these routes, not the API-wide one',
      );
      const health = await vigil.app.inject({ method: 'GET', url: '/api/v1/health' });
      assert.equal(health.statusCode, 200);
    });
  });
}
