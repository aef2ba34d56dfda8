import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role, Viewer } from '@vigil/core';
import { addAgency } from '../agencies/index.ts';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { startTestVigil, testPassword } from '../testing/test-vigil.ts';
import { addUser } from '../users/index.ts';
import { demoCollectionAlias, seedInteropDemo } from './seed-interop-demo.ts';
import { standardsPool } from './standards-pool.ts';

type Item = { id: string; type: string; name: string; marking: { tlp: string; label: string } };
type Alert = {
  id: string;
  event: string;
  headline: string;
  languages: string[];
  areas: string[];
  marking: { tlp: string };
};

for (const { engine, create } of testEngines) {
  describe(`interop demo seed and the collection views (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    const signIn = (email: string) => TestClient.signIn(vigil.app, email);

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      const { deps } = vigil;
      const agencies: Record<string, string> = {};
      for (const [key, kind] of [
        ['ohs', 'state'],
        ['vsp', 'state'],
        ['power', 'private'],
        ['water', 'private'],
        ['vdem', 'state'],
        ['fairfax', 'local'],
      ] as const) {
        agencies[key] = (await addAgency(deps, null, { name: `${key} (test)`, kind })).id;
      }
      const viewers = new Map<string, Viewer>();
      for (const [email, agency, role] of [
        ['admin@vigil.example', 'ohs', 'admin'],
        ['analyst@vigil.example', 'ohs', 'analyst'],
        ['pio@vigil.example', 'vdem', 'public-information'],
        ['trooper@vigil.example', 'vsp', 'analyst'],
        ['power@vigil.example', 'power', 'partner'],
        ['fairfax@vigil.example', 'fairfax', 'operations'],
      ] as [string, string, Role][]) {
        const agencyId = agencies[agency] as string;
        const user = await addUser(deps, null, { email, password: testPassword, agencyId, roles: [role] });
        viewers.set(email, {
          userId: user.id,
          agencyId,
          agencyAncestorIds: [],
          roles: [role],
          attributes: [],
        });
      }
      await seedInteropDemo(deps, viewers, agencies);
    });
    after(async () => {
      await vigil.close();
      await database.drop();
      await standardsPool().close();
    });

    it('State Police read the demo collection with every object and its TLP', async () => {
      const trooper = await signIn('trooper@vigil.example');
      const collections = (await trooper.get('/api/v1/interop/collections')).json<{
        items: { id: string; alias: string; canRead: boolean; canWrite: boolean }[];
      }>().items;
      const demo = collections.find((c) => c.alias === demoCollectionAlias);
      assert.ok(demo, JSON.stringify(collections));
      assert.deepEqual([demo.canRead, demo.canWrite], [true, true]);
      const listed = await trooper.get(`/api/v1/interop/collections/${demo.id}/objects`);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      const items = listed.json<{ items: Item[] }>().items;
      assert.equal(items.length, 8);
      const c2 = items.find((i) => i.name === 'TideLock command-and-control address (demo)');
      assert.deepEqual(c2?.marking, { tlp: 'AMBER', label: 'TLP:AMBER' });
      assert.ok(
        items.some(
          (i) =>
            i.type === 'relationship' &&
            i.name === 'TideLock command-and-control address (demo) indicates TideLock ransomware (demo)',
        ),
      );
      const only = await trooper.get(`/api/v1/interop/collections/${demo.id}/objects?type=vulnerability`);
      assert.deepEqual(
        only.json<{ items: Item[] }>().items.map((i) => [i.name, i.marking.tlp]),
        [['CVE-2023-27997', 'CLEAR']],
      );
    });

    it('a county without a grant sees neither the collection nor its AMBER objects', async () => {
      const fairfax = await signIn('fairfax@vigil.example');
      assert.deepEqual((await fairfax.get('/api/v1/interop/collections')).json<{ items: [] }>().items, []);
      const direct = await fairfax.get(`/api/v1/interop/collections/${demoCollectionAlias}/objects`);
      assert.equal(direct.status, 404);
      const exported = (await fairfax.get('/api/v1/interop/stix/export?type=indicator,malware')).json<{
        objects: { type: string }[];
      }>();
      assert.equal(exported.objects.filter((o) => o.type !== 'marking-definition').length, 0);
    });

    it('the bilingual hurricane warning is a received CAP alert everyone may read, as canonical XML', async () => {
      const fairfax = await signIn('fairfax@vigil.example');
      const alerts = (await fairfax.get('/api/v1/interop/cap')).json<{ items: Alert[] }>().items;
      assert.equal(alerts.length, 1);
      const [alert] = alerts as [Alert];
      assert.equal(alert.event, 'Hurricane Warning');
      assert.deepEqual(alert.languages, ['en-US', 'es-US']);
      assert.equal(alert.marking.tlp, 'CLEAR');
      assert.match(alert.headline, /Hampton Roads/);
      const xml = await fairfax.get(`/api/v1/interop/cap/${alert.id}.xml`);
      assert.equal(xml.status, 200);
      assert.match(String(xml.body), /<language>es-US<\/language>/);
      assert.match(String(xml.body), /<value>051710<\/value>/);
    });
  });
}
