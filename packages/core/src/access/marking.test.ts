import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canSee } from './can-see.ts';
import { buildMarking, caveats, isLowering } from './marking.ts';
import { everyAgency, marking, viewer } from './marking-test-cast.ts';
import { tlpLabels } from './tlp.ts';

describe('isLowering: does a new marking let anybody see what the old one hid?', () => {
  it('an unchanged marking is not lowering', () => {
    for (const tlp of tlpLabels) {
      const m = marking({ tlp, caveats: ['LES'], shareAgencyIds: ['partner'] });
      assert.equal(isLowering(m, { ...m }), false, tlp);
    }
  });

  it('every less restrictive label is lowering', () => {
    for (const [i, from] of tlpLabels.entries()) {
      for (const to of tlpLabels.slice(0, i)) {
        assert.equal(isLowering(marking({ tlp: from }), marking({ tlp: to })), true, `${from} → ${to}`);
      }
    }
  });

  it('every more restrictive label with the same shares is not lowering', () => {
    for (const [i, from] of tlpLabels.entries()) {
      for (const to of tlpLabels.slice(i + 1)) {
        assert.equal(isLowering(marking({ tlp: from }), marking({ tlp: to })), false, `${from} → ${to}`);
      }
    }
  });

  it('dropping a caveat is lowering; adding one is not', () => {
    const les = marking({ tlp: 'AMBER', caveats: ['LES'] });
    assert.equal(isLowering(les, { ...les, caveats: [] }), true);
    assert.equal(isLowering(les, { ...les, caveats: ['PII'] }), true);
    assert.equal(isLowering(les, { ...les, caveats: ['LES', 'PII'] }), false);
  });

  it('widening a share list is lowering; narrowing it is not', () => {
    const amber = marking({ tlp: 'AMBER', shareAgencyIds: ['partner'] });
    assert.equal(isLowering(amber, { ...amber, shareAgencyIds: ['partner', 'stranger'] }), true);
    assert.equal(isLowering(amber, { ...amber, shareAgencyIds: ['stranger'] }), true);
    assert.equal(isLowering(amber, { ...amber, shareAgencyIds: [] }), false);

    const red = marking({ tlp: 'RED', shareUserIds: ['u1'] });
    assert.equal(isLowering(red, { ...red, shareUserIds: ['u1', 'u2'] }), true);
    assert.equal(isLowering(red, { ...red, shareUserIds: [] }), false);
  });

  it('GREEN: emptying the share list widens to the whole community', () => {
    const narrowed = marking({ tlp: 'GREEN', shareAgencyIds: ['partner'] });
    assert.equal(isLowering(narrowed, { ...narrowed, shareAgencyIds: [] }), true);
  });

  it('GREEN: narrowing the community to a share list is not lowering', () => {
    const community = marking({ tlp: 'GREEN' });
    assert.equal(isLowering(community, { ...community, shareAgencyIds: ['partner'] }), false);
  });

  it('a mixed change (raise the label, drop a caveat) counts as lowering', () => {
    const current = marking({ tlp: 'GREEN', caveats: ['PII'] });
    assert.equal(isLowering(current, marking({ tlp: 'RED', caveats: [] })), true);
  });

  it('a mixed change (raise the label, add a share target) counts as lowering', () => {
    // `stranger` could not see the AMBER record; after the change it sees the AMBER+STRICT one.
    const current = marking({ tlp: 'AMBER', shareAgencyIds: ['partner'] });
    const next = marking({ tlp: 'AMBER+STRICT', shareAgencyIds: ['partner', 'stranger'] });
    assert.equal(canSee(viewer('stranger'), current), false);
    assert.equal(canSee(viewer('stranger'), next), true);
    assert.equal(isLowering(current, next), true);
  });

  it('a change it does not call lowering never shows the record to anybody it was hidden from (property)', () => {
    const people = ['u-owner', 'u-partner', 'u-stranger'];
    const viewers = everyAgency.flatMap((agencyId) =>
      people.flatMap((userId) =>
        [[], ['law-enforcement', 'pii-access', 'pcii-access']].map((attributes) =>
          viewer(agencyId, { userId, attributes }),
        ),
      ),
    );
    const markingArb = fc
      .record({
        tlp: fc.constantFrom(...tlpLabels),
        caveats: fc.subarray([...caveats]),
        agencies: fc.subarray(everyAgency),
        users: fc.subarray(people),
      })
      .map(({ tlp, caveats: list, agencies, users }) =>
        buildMarking(
          { tlp, caveats: list, shareWith: tlp === 'RED' ? users : agencies },
          { agencyId: 'owner', userId: 'author' },
        ),
      );
    fc.assert(
      fc.property(markingArb, markingArb, (current, next) => {
        if (isLowering(current, next)) return true;
        const revealed = viewers.filter((v) => canSee(v, next) && !canSee(v, current));
        return revealed.length === 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('buildMarking', () => {
  const owner = { agencyId: 'owner', userId: 'author' };

  it('turns a RED share list into user ids', () => {
    const m = buildMarking({ tlp: 'RED', shareWith: ['u1', 'u2'] }, owner);
    assert.deepEqual(m.shareUserIds, ['u1', 'u2']);
    assert.deepEqual(m.shareAgencyIds, []);
  });

  it('turns every other share list into agency ids', () => {
    for (const tlp of tlpLabels.filter((label) => label !== 'RED')) {
      const m = buildMarking({ tlp, shareWith: ['partner'] }, owner);
      assert.deepEqual(m.shareAgencyIds, ['partner'], tlp);
      assert.deepEqual(m.shareUserIds, [], tlp);
    }
  });

  it('drops duplicate share targets and duplicate caveats, keeping caveats in canonical order', () => {
    const m = buildMarking(
      { tlp: 'AMBER', caveats: ['PCII', 'LES', 'PCII'], shareWith: ['partner', 'stranger', 'partner'] },
      owner,
    );
    assert.deepEqual(m.shareAgencyIds, ['partner', 'stranger']);
    assert.deepEqual(m.caveats, ['LES', 'PCII']);
  });

  it('records the owner agency and the author, and defaults to no caveats or shares', () => {
    assert.deepEqual(buildMarking({ tlp: 'GREEN' }, owner), {
      ownerAgencyId: 'owner',
      authorUserId: 'author',
      tlp: 'GREEN',
      caveats: [],
      shareAgencyIds: [],
      shareUserIds: [],
    });
  });
});
