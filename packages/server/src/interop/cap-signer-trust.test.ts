import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { seedScenario, startTestVigil, type TestClock, testClock } from '../testing/test-vigil.ts';
import { loadCapTrustStore } from './cap-signer-trust.ts';
import { standardsPool } from './standards-pool.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../core/src/standards/fixtures/cap/${path}`, import.meta.url));
/** A real IPAWS-OPEN message signed with FEMA's certificate (valid 2019-03-05 to 2022-03-04). */
const ipaws = fixture('real/willglynn-oasiscap/ipaws-5e6dd9de023f1930ef6548d9.xml');

function ipawsCertificatePem(): string {
  const base64 = /<(?:\w+:)?X509Certificate>([^<]+)</.exec(ipaws.toString('utf8'))?.[1] ?? '';
  return new X509Certificate(Buffer.from(base64.replace(/\s+/g, ''), 'base64')).toString();
}

type Verdicts = { verdicts: { signature: Record<string, unknown> & { status: string } }[] };

for (const { engine, create } of testEngines) {
  describe(`CAP signer trust from VIGIL_CAP_TRUSTED_CERTS (${engine})`, () => {
    let dir: string;
    let bundle: string;
    let database: TestDatabase;
    let vigil: Vigil;
    let clock: TestClock;
    let pio: TestClient;
    let email: string;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigil-trust-'));
      bundle = join(dir, 'trusted-alerting-authorities.pem');
      writeFileSync(bundle, `# FEMA IPAWS-OPEN, trusted for this test\n${ipawsCertificatePem()}`);
      database = await create();
      // Processed while FEMA's certificate was valid; the clock moves past its expiry below.
      clock = testClock('2020-06-01T12:00:00.000Z');
      vigil = await startTestVigil(database, { clock, env: { VIGIL_CAP_TRUSTED_CERTS: bundle } });
      const s = await seedScenario(vigil);
      email = s.users.a.email;
      pio = await TestClient.signIn(vigil.app, email);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
      await standardsPool().close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a signature by a trusted certificate is `trusted`, stored and listed as such', async () => {
      const checked = await pio.request('POST', '/api/v1/interop/cap/validate', ipaws, {
        'content-type': 'application/xml',
      });
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      const signature = checked.json<Verdicts>().verdicts[0]?.signature;
      assert.equal(signature?.status, 'trusted');
      assert.match(String(signature?.signer), /CN=IPAWSOPEN_200302/);
      assert.equal(signature?.anchor, signature?.signer);
      assert.equal('signers' in (signature ?? {}), false, 'the certificates are not echoed back');

      const stored = await pio.request('POST', '/api/v1/interop/cap', ipaws, {
        'content-type': 'application/xml',
      });
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
      const listed = (await pio.get('/api/v1/interop/cap')).json<{
        items: { identifier: string; signature: string }[];
      }>();
      assert.equal(listed.items.find((i) => i.signature !== 'absent')?.signature, 'trusted');
    });

    it('a server whose bundle cannot be read does not start, and lets go of the database', async () => {
      // On PostgreSQL the failed start used to keep the realtime hub's LISTEN connection, and this hung.
      await assert.rejects(
        startTestVigil(database, { env: { VIGIL_CAP_TRUSTED_CERTS: join(dir, 'missing.pem') } }),
        /configuration: VIGIL_CAP_TRUSTED_CERTS: /,
      );
      assert.equal((await pio.request('GET', '/api/v1/health')).status, 200);
    });

    it('once the certificate has expired at processing time, the signer is `untrusted-signer`', async () => {
      clock.advance(6 * 365 * 86_400_000);
      pio = await TestClient.signIn(vigil.app, email); // the session did not outlive six years
      const checked = await pio.request('POST', '/api/v1/interop/cap/validate', ipaws, {
        'content-type': 'application/xml',
      });
      const signature = checked.json<Verdicts>().verdicts[0]?.signature;
      assert.equal(signature?.status, 'untrusted-signer');
      assert.match(String(signature?.detail), /is not valid at 2026-/);
    });
  });
}

describe('reading VIGIL_CAP_TRUSTED_CERTS', () => {
  it('a bundle that cannot be read stops the start, naming the variable; none configured is no store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-trust-'));
    try {
      writeFileSync(join(dir, 'empty.pem'), 'no certificates here\n');
      for (const path of [join(dir, 'missing.pem'), join(dir, 'empty.pem')]) {
        assert.throws(() => loadCapTrustStore(path), /^Error: configuration: VIGIL_CAP_TRUSTED_CERTS: /);
      }
      writeFileSync(join(dir, 'one.pem'), ipawsCertificatePem());
      assert.equal(loadCapTrustStore(join(dir, 'one.pem'))?.length, 1);
      assert.equal(loadCapTrustStore(null), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
