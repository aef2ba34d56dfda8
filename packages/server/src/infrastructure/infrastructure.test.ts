import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Asset, AssetList, CascadeResponse, Edge, EdgeList, Ranking } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil, testPassword } from '../testing/test-vigil.ts';
import { addUser } from '../users/index.ts';

const at = (lon: number, lat: number) => ({ lon, lat });

for (const { engine, create } of testEngines) {
  describe(`infrastructure through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let a: TestClient;
    let b: TestClient;
    let c: TestClient;
    let pcii: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      await addUser(vigil.deps, null, {
        email: 'pcii@test.example',
        password: testPassword,
        agencyId: s.agencies.b,
        roles: ['planner'],
        attributes: ['pcii-access'],
      });
      const signIn = (email: string) => TestClient.signIn(vigil.app, email);
      [a, b, c, pcii] = [
        await signIn('a@test.example'),
        await signIn('b@test.example'),
        await signIn('c@test.example'),
        await signIn('pcii@test.example'),
      ];
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function register(client: TestClient, body: Record<string, unknown>): Promise<Asset> {
      const response = await client.post('/api/v1/infrastructure/assets', body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<Asset>();
    }
    async function depend(
      client: TestClient,
      supplierId: string,
      dependentId: string,
      k = 1,
      type = 'electric-power',
    ) {
      const response = await client.post('/api/v1/infrastructure/edges', {
        supplierId,
        dependentId,
        type,
        k,
      });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<Edge>();
    }
    const shared = () => ({ tlp: 'AMBER', shareWith: [s.agencies.b] });

    it('a grid shared with B: B simulates a substation loss and sees the hospital fail after its backup', async () => {
      const plant = await register(a, {
        id: 'plant',
        name: 'Plant',
        sector: 'energy',
        type: 'power plant',
        ...at(-77.4, 37.5),
        marking: shared(),
      });
      const tx = await register(a, {
        id: 'tx',
        name: 'Tx 500 kV',
        sector: 'energy',
        type: 'transmission substation',
        ...at(-77.45, 37.52),
        marking: shared(),
      });
      const subA = await register(a, {
        id: 'sub-a',
        name: 'Sub A',
        sector: 'energy',
        type: 'distribution substation',
        populationServed: 12000,
        ...at(-77.5, 37.55),
        marking: shared(),
      });
      const subB = await register(a, {
        id: 'sub-b',
        name: 'Sub B',
        sector: 'energy',
        type: 'distribution substation',
        populationServed: 8000,
        ...at(-77.52, 37.56),
        marking: shared(),
      });
      const hospital = await register(a, {
        id: 'hospital',
        name: 'General Hospital',
        sector: 'healthcare-and-public-health',
        type: 'hospital',
        populationServed: 300,
        backupHours: 48,
        countyFips: '51760',
        ...at(-77.5, 37.6),
        marking: shared(),
      });
      assert.equal(hospital.marking.label, 'TLP:AMBER');
      await depend(a, plant.id, tx.id);
      await depend(a, tx.id, subA.id);
      await depend(a, tx.id, subB.id);
      await depend(a, subA.id, hospital.id);
      await depend(b, subB.id, hospital.id);

      const one = (
        await b.post('/api/v1/infrastructure/cascade', { assetIds: ['sub-a'] })
      ).json<CascadeResponse>();
      assert.deepEqual(
        one.failures.map((f) => f.assetId),
        ['sub-a'],
      );
      const response = await b.post('/api/v1/infrastructure/cascade', { assetIds: ['tx'], horizonHours: 72 });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const cascade = response.json<CascadeResponse>();
      assert.deepEqual(
        cascade.failures.map((f) => [f.assetId, f.failedAtHours, f.causeAssetId]),
        [
          ['tx', 0, null],
          ['sub-a', 0, 'tx'],
          ['sub-b', 0, 'tx'],
          ['hospital', 48, 'sub-b'],
        ],
      );
      assert.equal(cascade.populationAffected, 20300);
      assert.deepEqual(cascade.failedBySector, { energy: 3, 'healthcare-and-public-health': 1 });
      assert.equal(cascade.marking, 'AMBER');
      const short = (
        await b.post('/api/v1/infrastructure/cascade', { assetIds: ['tx'], horizonHours: 24 })
      ).json<CascadeResponse>();
      assert.equal(short.failures.length, 3);

      const ranking = (await b.get('/api/v1/infrastructure/ranking?limit=3')).json<Ranking>();
      assert.equal(ranking.method, 'dominator-tree');
      assert.deepEqual(
        ranking.items.map((item) => [item.assetId, item.impactPopulation, item.impactAssets]),
        [
          ['plant', 20300, 5],
          ['tx', 20300, 4],
          ['sub-a', 12000, 1],
        ],
      );
    });

    it('a hazard footprint fails what lies inside it: a polygon, or a county list', async () => {
      const polygon = [
        [
          [-77.46, 37.5],
          [-77.44, 37.5],
          [-77.44, 37.54],
          [-77.46, 37.54],
          [-77.46, 37.5],
        ],
      ];
      const byPolygon = (
        await b.post('/api/v1/infrastructure/cascade', { footprint: { polygon } })
      ).json<CascadeResponse>();
      assert.deepEqual(byPolygon.initialAssetIds, ['tx']);
      assert.equal(byPolygon.failures.at(-1)?.assetId, 'hospital');
      const byCounty = (
        await b.post('/api/v1/infrastructure/cascade', { footprint: { countyFips: ['51760'] } })
      ).json<CascadeResponse>();
      assert.deepEqual(
        byCounty.failures.map((f) => f.assetId),
        ['hospital'],
      );
      const none = await b.post('/api/v1/infrastructure/cascade', {});
      assert.equal(none.status, 400);
      assert.equal(none.json().code, 'VALIDATION_FAILED');
    });

    it('C sees none of it: 404 on the asset, nothing listed, no edges, unknown in a cascade', async () => {
      assert.equal((await c.get('/api/v1/infrastructure/assets/tx')).status, 404);
      const list = (await c.get('/api/v1/infrastructure/assets')).json<AssetList>();
      assert.equal(list.total, 0);
      assert.equal((await c.get('/api/v1/infrastructure/edges')).json<EdgeList>().total, 0);
      const cascade = await c.post('/api/v1/infrastructure/cascade', { assetIds: ['tx'] });
      assert.equal(cascade.status, 404);
      assert.equal(cascade.json().field, 'assetIds[0]');
      assert.equal(
        (
          await c.post('/api/v1/infrastructure/edges', {
            supplierId: 'tx',
            dependentId: 'sub-a',
            type: 'electric-power',
          })
        ).status,
        404,
      );
    });

    it('a PCII feed is hidden from a partner without pcii-access, and still counts as a working supplier', async () => {
      await register(a, {
        id: 'sub-pcii',
        name: 'Protected feeder',
        sector: 'energy',
        type: 'distribution substation',
        ...at(-77.49, 37.58),
        marking: { tlp: 'AMBER', caveats: ['PCII'], shareWith: [s.agencies.b] },
      });
      const clinic = await register(a, {
        id: 'clinic',
        name: 'Clinic',
        sector: 'healthcare-and-public-health',
        type: 'clinic',
        ...at(-77.49, 37.59),
        marking: shared(),
      });
      await depend(a, 'sub-a', clinic.id);
      await depend(a, 'sub-pcii', clinic.id);
      assert.equal((await b.get('/api/v1/infrastructure/assets/sub-pcii')).status, 404);
      assert.equal((await pcii.get('/api/v1/infrastructure/assets/sub-pcii')).status, 200);
      const edgesB = (await b.get('/api/v1/infrastructure/edges?assetId=clinic')).json<EdgeList>();
      assert.deepEqual(
        edgesB.items.map((e) => e.supplierId),
        ['sub-a'],
      );
      // B loses sub-a: the clinic keeps the feed B cannot see, so B's simulation does not fail it.
      const forB = (
        await b.post('/api/v1/infrastructure/cascade', { assetIds: ['sub-a'] })
      ).json<CascadeResponse>();
      assert.deepEqual(
        forB.failures.map((f) => f.assetId),
        ['sub-a'],
      );
      const forPcii = (
        await pcii.post('/api/v1/infrastructure/cascade', { assetIds: ['sub-a', 'sub-pcii'] })
      ).json<CascadeResponse>();
      assert.deepEqual(forPcii.failures.map((f) => f.assetId).sort(), ['clinic', 'sub-a', 'sub-pcii']);
      const lesCaveat = await a.post('/api/v1/infrastructure/assets', {
        name: 'x',
        sector: 'energy',
        type: 'x',
        ...at(-77, 37),
        marking: { tlp: 'AMBER', caveats: ['LES'] },
      });
      assert.equal(lesCaveat.status, 400);
      assert.equal(lesCaveat.json().field, 'marking.caveats[0]');
    });

    it('edges are validated, journaled, and k follows the requirement', async () => {
      const tooMany = await a.post('/api/v1/infrastructure/edges', {
        supplierId: 'sub-b',
        dependentId: 'clinic',
        type: 'electric-power',
        k: 4,
      });
      assert.equal(tooMany.status, 400);
      assert.equal(tooMany.json().field, 'k');
      const twice = await a.post('/api/v1/infrastructure/edges', {
        supplierId: 'sub-a',
        dependentId: 'clinic',
        type: 'electric-power',
      });
      assert.equal(twice.status, 409);
      const self = await a.post('/api/v1/infrastructure/edges', {
        supplierId: 'clinic',
        dependentId: 'clinic',
        type: 'water',
      });
      assert.equal(self.status, 400);
      // C may not edit A's assets even when it names them right: they are invisible to C, so 404.
      const third = await depend(a, 'sub-b', 'clinic', 3);
      const all = (await a.get('/api/v1/infrastructure/edges?assetId=clinic')).json<EdgeList>();
      assert.deepEqual(
        all.items.map((e) => e.k),
        [3, 3, 3],
      );
      const lowered = await a.request('DELETE', `/api/v1/infrastructure/edges/${third.id}`);
      assert.equal(lowered.status, 200, JSON.stringify(lowered.body));
      assert.deepEqual(lowered.json(), { kLoweredTo: 2 });
      const edge = (await a.get('/api/v1/infrastructure/edges?assetId=clinic')).json<EdgeList>()
        .items[0] as Edge;
      const patched = await a.patch(`/api/v1/infrastructure/edges/${edge.id}`, { k: 1 });
      assert.equal(patched.json<Edge>().k, 1);
      const { db } = vigil.deps.database;
      const actions = await db
        .selectFrom('journal')
        .select('action')
        .where('entity_type', '=', 'infrastructure-edge')
        .execute();
      const count = (name: string) => actions.filter((row) => row.action === name).length;
      assert.equal(count('infrastructure-edge.created'), 8);
      assert.equal(count('infrastructure-edge.deleted'), 1);
      assert.equal(count('infrastructure-edge.updated'), 1);
    });

    it('a partner may edit a shared asset but not lower its marking', async () => {
      const edited = await b.patch('/api/v1/infrastructure/assets/hospital', { backupHours: 96, version: 1 });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.json<Asset>().backupHours, 96);
      const lowered = await b.patch('/api/v1/infrastructure/assets/hospital', { marking: { tlp: 'GREEN' } });
      assert.equal(lowered.status, 403);
      assert.equal(lowered.json().code, 'MARKING_LOWER_FORBIDDEN');
      const stale = await a.patch('/api/v1/infrastructure/assets/hospital', { name: 'x', version: 1 });
      assert.equal(stale.status, 409);
    });

    it('imports CSV and GeoJSON all or nothing, and exports CSV with formulas neutralized', async () => {
      const csv =
        'id,name,sector,type,lat,lon,population_served\nw1,"=HYPERLINK(""x"")",Water and Wastewater Systems,water plant,37.1,-77.1,5000\nw2,Pump 2,water-and-wastewater-systems,pump,37.2,-77.2,\n';
      const ok = await c.post('/api/v1/infrastructure/import', {
        format: 'csv',
        content: csv,
        marking: { tlp: 'GREEN' },
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual(ok.json(), { imported: 2, ids: ['w1', 'w2'] });
      const bad = await c.post('/api/v1/infrastructure/import', {
        format: 'csv',
        content: csv.replace('37.2', 'north').replace('w1', 'w3'),
        marking: { tlp: 'GREEN' },
      });
      assert.equal(bad.status, 400);
      assert.match(String(bad.json().detail), /line 3: lat "north" is not a number/);
      assert.equal((await c.get('/api/v1/infrastructure/assets/w3')).status, 404);
      const geojson = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-77.3, 37.3] },
            properties: {
              id: 'w4',
              name: 'Tank',
              sector: 'water-and-wastewater-systems',
              type: 'storage tank',
            },
          },
        ],
      });
      assert.equal(
        (
          await c.post('/api/v1/infrastructure/import', {
            format: 'geojson',
            content: geojson,
            marking: { tlp: 'GREEN' },
          })
        ).status,
        201,
      );
      const exported = await c.get('/api/v1/infrastructure/assets.csv');
      assert.equal(exported.status, 200);
      const text = String(exported.body);
      assert.ok(text.startsWith('id,name,sector,subsector,type,lat,lon,'));
      assert.ok(text.includes(`w1,"'=HYPERLINK(""x"")"`), text);
      assert.equal(text.trim().split('\n').length, 4);
      const geo = (await c.get('/api/v1/infrastructure/assets.geojson')).json<{ features: unknown[] }>();
      assert.equal(geo.features.length, 3);
    });
  });
}
