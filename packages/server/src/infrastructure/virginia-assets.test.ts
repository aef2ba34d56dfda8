import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadVirginiaInfrastructure, substationName } from './virginia-assets.ts';

describe('Virginia demo infrastructure', () => {
  it('names a substation HIFLD left unnamed by its type and id, and keeps real names', () => {
    const row = (sub_id: string, sub_name: string, type: string) => ({ sub_id, sub_name, type });
    assert.equal(
      substationName(row('121383', 'UNKNOWN121383', 'SUBSTATION')),
      'Substation 121383 (no name in source data)',
    );
    assert.equal(substationName(row('147951', 'TAP147951', 'TAP')), 'Tap 147951 (no name in source data)');
    assert.equal(
      substationName(row('167384', 'DEADEND167384', 'DEAD END')),
      'Dead end 167384 (no name in source data)',
    );
    assert.equal(substationName(row('155684', '', 'RISER')), 'Riser 155684 (no name in source data)');
    assert.equal(substationName(row('109418', 'IMBODEN', 'SUBSTATION')), 'IMBODEN');
    // A real name that happens to end in digits, but not in its own id, stays as published.
    assert.equal(substationName(row('109500', 'PLANT2', 'SUBSTATION')), 'PLANT2');
  });

  it('the shipped data gives every asset a readable name, no raw source id', () => {
    const va = loadVirginiaInfrastructure();
    const all = [...va.hospitals, ...va.fireStations, ...va.powerPlants, ...va.substations, ...va.dams];
    assert.equal(all.length, 2731);
    const raw = all.filter((a) => !a.name.trim() || /^(UNKNOWN|TAP|DEADEND|RISER)\d+$/.test(a.name));
    assert.deepEqual(
      raw.map((a) => a.name),
      [],
    );
    const unnamed = va.substations.filter((s) => s.name.endsWith('(no name in source data)'));
    // 411 substations, 286 taps, 14 dead ends and 5 risers have only a placeholder in HIFLD.
    assert.equal(unnamed.length, 716);
    assert.ok(unnamed.some((s) => s.name === 'Substation 121383 (no name in source data)'));
  });
});
