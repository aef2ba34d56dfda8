import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildIcsForm, type FormField, type Incident, type IncidentItem, type Viewer } from '@vigil/core';
import { seedDemoPeople } from '../demo/seed-demo.ts';
import type { Vigil } from '../platform/create-vigil.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { startTestVigil, testClock, testPassword } from '../testing/test-vigil.ts';
import { listIncidentItems, listIncidents, readIncident } from './incident.actions.ts';
import { loadIncidentFile } from './incident-file.ts';
import { seedIncidentDemo } from './seed-incident-demo.ts';

const stormName = 'Hurricane Delia (demo) — Hampton Roads landfall';

for (const { engine, create } of testEngines) {
  describe(`the incident demo seed tells one story (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    const viewers = new Map<string, Viewer>();
    const agencies: Record<string, string> = {};
    let storm: Incident;
    const as = (email: string) => viewers.get(email) as Viewer;
    const items = async <C extends IncidentItem['collection']>(email: string, collection: C) =>
      (await listIncidentItems(vigil.deps, as(email), storm.id, collection)) as IncidentItem<C>[];

    before(async () => {
      database = await create();
      // Late November at 04:46 UTC: the hour of the review that found period 1 two hours before the start.
      vigil = await startTestVigil(database, { clock: testClock('2026-11-28T04:46:00.000Z') });
      const { deps } = vigil;
      const people = await seedDemoPeople(deps, testPassword);
      Object.assign(agencies, people.agencies);
      for (const [email, viewer] of people.viewers) viewers.set(email, viewer);
      await seedIncidentDemo(deps, viewers, agencies);
      const listed = await listIncidents(deps, as('operations@vigil.example'), { limit: 100, offset: 0 });
      storm = listed.items.find((incident) => incident.name === stormName) as Incident;
      assert.ok(storm, 'the hurricane incident is seeded');
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    it('starts operational period 1 and the first sitrep no earlier than the incident', async () => {
      const start = Date.parse(storm.startedAt);
      const [period] = await items('operations@vigil.example', 'periods');
      const [sitrep] = await items('operations@vigil.example', 'sitreps');
      assert.ok(period && sitrep);
      assert.equal(period.number, 1);
      assert.ok(Date.parse(period.body.startsAt) >= start, `${period.body.startsAt} ≥ ${storm.startedAt}`);
      assert.ok(Date.parse(sitrep.body.fromTime) >= start, `${sitrep.body.fromTime} ≥ ${storm.startedAt}`);
      assert.ok(Date.parse(storm.startedAt) <= Date.parse(storm.createdAt), 'begun before it was entered');
    });

    it('prints the Incident Commander with her own agency on the ICS 209', async () => {
      const file = await loadIncidentFile(vigil.deps, as('operations@vigil.example'), storm.id);
      const block4 = buildIcsForm('ics-209', file).sections.find((section) => section.block === '4');
      assert.equal((block4 as FormField).value, 'Ada Jensen (demo) — City of Norfolk Emergency Management');
    });

    it('gives the storm a Category 2 wind speed and one surge figure', async () => {
      const [sitrep] = await items('operations@vigil.example', 'sitreps');
      const weather = sitrep?.body.weatherConcerns ?? '';
      const mph = Number(/(\d+) mph/.exec(weather)?.[1]);
      // Saffir-Simpson Category 2: sustained winds of 96–110 mph.
      assert.ok(mph >= 96 && mph <= 110, weather);
      assert.match(weather, /6–8 ft surge/);
      assert.match(storm.description, /Category 2/);
      assert.match(storm.description, /surge 6–8 ft/);
    });

    it('shares the incident with the electric utility, whose outage report is in the log', async () => {
      assert.ok(storm.marking.shareWith.includes(agencies.power as string));
      const log = await items('power@vigil.example', 'log');
      const outage = log.find((entry) => entry.body.activity.includes('customers without power'));
      assert.ok(outage, 'the utility reads the log it reported into');
      assert.equal(outage.createdByUserId, as('power@vigil.example').userId);
    });

    it('cites in the director’s decision only what the director can read', async () => {
      const director = 'director@vigil.example';
      const [decision] = await items(director, 'decisions');
      assert.ok(decision);
      const log = await items(director, 'log');
      for (const info of decision.body.informationUsed) {
        assert.doesNotMatch(info.label, /AMBER\+STRICT|TLP:RED/, 'no record the director may not open');
        const cited = /incident log #(\d+)/.exec(info.label);
        if (cited) {
          assert.equal(info.ref, `/incidents/${storm.id}`);
          const entry = log.find((item) => item.number === Number(cited[1]));
          assert.match(entry?.body.activity ?? '', /48 h of generator fuel/);
        }
        if (info.ref.startsWith('/incidents/')) {
          const id = info.ref.slice('/incidents/'.length);
          assert.equal((await readIncident(vigil.deps, as(director), id)).id, id);
        }
      }
      assert.ok(decision.body.informationUsed.some((info) => /incident log #\d+/.test(info.label)));
    });
  });
}
