import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type DispatchEntry, DispatchIndex, nearestByScan } from './dispatch-index.ts';

const types = ['ambulance-strike-team/type-1', 'ambulance-strike-team/type-2', 'generator/type-3'];
// A small grid of station sites so many resources share a position: ties are the normal case in dispatch.
const sites = Array.from({ length: 12 }, (_, i) => ({
  lon: -77.5 + (i % 4) * 0.3,
  lat: 36.8 + Math.floor(i / 4) * 0.4,
}));

const entryArb = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      resourceType: fc.constantFrom(...types),
      available: fc.boolean(),
      group: fc.integer({ min: 0, max: 3 }),
      place: fc.oneof(
        fc.constantFrom(...sites),
        fc.record({
          lon: fc.double({ min: -83.7, max: -75.2, noNaN: true }),
          lat: fc.double({ min: 36.5, max: 39.5, noNaN: true }),
        }),
      ),
    })
    .map(({ place, ...rest }): DispatchEntry => ({ ...rest, lon: place.lon, lat: place.lat }));

type Op =
  | { op: 'status'; index: number; available: boolean }
  | { op: 'move'; index: number; lon: number; lat: number }
  | { op: 'retype'; index: number; resourceType: string }
  | { op: 'add' }
  | { op: 'remove'; index: number }
  | { op: 'query'; types: string[]; lon: number; lat: number; k: number; groups: number[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('status' as const), index: fc.nat(), available: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      index: fc.nat(),
      lon: fc.double({ min: -83.7, max: -75.2, noNaN: true }),
      lat: fc.double({ min: 36.5, max: 39.5, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('retype' as const),
      index: fc.nat(),
      resourceType: fc.constantFrom(...types),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'add' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), index: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('query' as const),
      types: fc.subarray(types, { minLength: 1 }),
      lon: fc.double({ min: -84, max: -75, noNaN: true }),
      lat: fc.double({ min: 36, max: 40, noNaN: true }),
      k: fc.integer({ min: 1, max: 12 }),
      groups: fc.subarray([0, 1, 2, 3]),
    }),
  },
);

describe('DispatchIndex', () => {
  it('answers exactly the brute-force k nearest available, under status churn, moves, retyping and removals', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.nat(), { minLength: 0, maxLength: 400, size: 'max' })
          .chain((seeds) =>
            fc.tuple(
              fc.tuple(...seeds.map((seed, i) => entryArb(`r${seed % 997}-${i}`))),
              fc.array(opArb, { maxLength: 120, size: 'max' }),
              fc.boolean(),
            ),
          ),
        ([initial, ops, loadFirst]) => {
          const index = new DispatchIndex();
          const truth = new Map<string, DispatchEntry>(initial.map((entry) => [entry.id, { ...entry }]));
          if (loadFirst) index.load(initial);
          else for (const entry of initial) index.upsert(entry);
          let next = initial.length;
          const pick = (n: number) => {
            const ids = [...truth.keys()];
            return ids.length ? ids[n % ids.length] : undefined;
          };
          for (const op of ops) {
            if (op.op === 'query') {
              const allowed = new Set(op.groups);
              const query = {
                types: op.types,
                lon: op.lon,
                lat: op.lat,
                k: op.k,
                accept: (g: number) => allowed.has(g),
              };
              assert.deepEqual(index.nearest(query), nearestByScan(truth.values(), query));
              continue;
            }
            if (op.op === 'add') {
              const entry: DispatchEntry = {
                id: `n${next++}`,
                resourceType: types[next % 3] as string,
                lon: -77,
                lat: 37.5,
                available: true,
                group: 0,
              };
              truth.set(entry.id, entry);
              index.upsert(entry);
              continue;
            }
            const id = pick(op.index);
            if (!id) continue;
            const current = truth.get(id) as DispatchEntry;
            if (op.op === 'remove') {
              truth.delete(id);
              index.remove(id);
              continue;
            }
            const updated =
              op.op === 'status'
                ? { ...current, available: op.available }
                : op.op === 'move'
                  ? { ...current, lon: op.lon, lat: op.lat }
                  : { ...current, resourceType: op.resourceType };
            truth.set(id, updated);
            if (op.op === 'status') index.setAvailable(id, op.available);
            else index.upsert(updated);
          }
          const query = { types, lon: -77.2, lat: 37.6, k: 25 };
          assert.deepEqual(index.nearest(query), nearestByScan(truth.values(), query));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays exact across tree rebuilds when the delta outgrows its bound', () => {
    const index = new DispatchIndex();
    const entries: DispatchEntry[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `r${String(i).padStart(5, '0')}`,
      resourceType: 'generator/type-3',
      lon: -80 + (i % 60) * 0.05,
      lat: 37 + Math.floor(i / 60) * 0.02,
      available: i % 3 !== 0,
      group: 0,
    }));
    index.load(entries);
    const before = index.rebuilds;
    for (const entry of entries.slice(0, 1200)) {
      entry.lon += 0.013;
      index.upsert(entry);
    }
    const query = { types: ['generator/type-3'], lon: -79.1, lat: 37.3, k: 40 };
    assert.deepEqual(index.nearest(query), nearestByScan(entries, query));
    assert.ok(index.rebuilds > before, 'a large delta triggers a rebuild');
  });

  it('honours a status change at once, and breaks distance ties by id', () => {
    const index = new DispatchIndex();
    for (const id of ['c', 'a', 'b']) {
      index.upsert({ id, resourceType: 't', lon: -76.3, lat: 36.85, available: true, group: 0 });
    }
    const query = { types: ['t'], lon: -76.2, lat: 36.9, k: 2 };
    assert.deepEqual(
      index.nearest(query).map((hit) => hit.id),
      ['a', 'b'],
    );
    index.setAvailable('a', false);
    assert.deepEqual(
      index.nearest(query).map((hit) => hit.id),
      ['b', 'c'],
    );
  });

  it('refuses coordinates that are not longitude/latitude', () => {
    const index = new DispatchIndex();
    assert.throws(
      () => index.upsert({ id: 'x', resourceType: 't', lon: 200, lat: 0, available: true, group: 0 }),
      RangeError,
    );
    assert.throws(() => index.nearest({ types: ['t'], lon: 0, lat: 95, k: 1 }), RangeError);
    assert.throws(() => index.nearest({ types: ['t'], lon: 0, lat: 0, k: 0 }), RangeError);
  });
});
