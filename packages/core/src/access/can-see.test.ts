import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canSee, missingCaveatMask } from './can-see.ts';
import { buildMarking, type Caveat, caveatMask, caveats, isLowering, type Marking } from './marking.ts';
import { hasPermission, permissions, type Role, roles } from './permissions.ts';
import { formatTlp, mostRestrictiveTlp, type TlpLabel, tlpLabels } from './tlp.ts';
import type { Viewer } from './viewer.ts';

/*
 * The agency tree used throughout:
 *
 *   owner ── owner-sub                    (the record's owning agency and its own client)
 *   partner ── partner-sub ── partner-subsub
 *   stranger                              (nobody shared anything with it)
 */
const ancestors: Record<string, string[]> = {
  owner: [],
  'owner-sub': ['owner'],
  partner: [],
  'partner-sub': ['partner'],
  'partner-subsub': ['partner-sub', 'partner'],
  stranger: [],
};

function viewer(agencyId: string, options: { userId?: string; attributes?: string[] } = {}): Viewer {
  return {
    userId: options.userId ?? `someone-at-${agencyId}`,
    agencyId,
    agencyAncestorIds: ancestors[agencyId] ?? [],
    roles: ['analyst'],
    attributes: options.attributes ?? [],
  };
}

function marking(overrides: Partial<Marking> = {}): Marking {
  return {
    ownerAgencyId: 'owner',
    authorUserId: 'author',
    tlp: 'CLEAR',
    caveats: [],
    shareAgencyIds: [],
    shareUserIds: [],
    ...overrides,
  };
}

/** Which agencies of the tree see the marking, through an ordinary (non-author) member. */
function seenBy(m: Marking): string[] {
  return Object.keys(ancestors).filter((agencyId) => canSee(viewer(agencyId), m));
}

const everyAgency = Object.keys(ancestors);

describe('canSee: who may see a marked record', () => {
  describe('TLP:CLEAR', () => {
    it('is seen by everybody, whatever the share list says', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'CLEAR' })), everyAgency);
      assert.deepEqual(seenBy(marking({ tlp: 'CLEAR', shareAgencyIds: ['partner'] })), everyAgency);
    });
  });

  describe('TLP:GREEN', () => {
    it('without a share list is seen by the whole community', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'GREEN' })), everyAgency);
    });

    it('with a share list is seen by the owner and the listed agencies with their sub-agencies', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'GREEN', shareAgencyIds: ['partner'] })), [
        'owner',
        'partner',
        'partner-sub',
        'partner-subsub',
      ]);
    });

    it("with a share list is not seen by the owner's own sub-agency unless it is listed", () => {
      const narrowed = marking({ tlp: 'GREEN', shareAgencyIds: ['partner'] });
      assert.equal(canSee(viewer('owner-sub'), narrowed), false);
      assert.equal(canSee(viewer('owner-sub'), { ...narrowed, shareAgencyIds: ['owner-sub'] }), true);
    });
  });

  describe('TLP:AMBER', () => {
    it('is seen by the owner and the listed agencies with their sub-agencies', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'AMBER', shareAgencyIds: ['partner'] })), [
        'owner',
        'partner',
        'partner-sub',
        'partner-subsub',
      ]);
    });

    it("does not reach the owner's own sub-agencies unless they are listed", () => {
      assert.deepEqual(seenBy(marking({ tlp: 'AMBER' })), ['owner']);
      assert.deepEqual(seenBy(marking({ tlp: 'AMBER', shareAgencyIds: ['owner-sub'] })), [
        'owner',
        'owner-sub',
      ]);
    });

    it('listing a sub-agency does not reach its parent', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'AMBER', shareAgencyIds: ['partner-sub'] })), [
        'owner',
        'partner-sub',
        'partner-subsub',
      ]);
    });
  });

  describe('TLP:AMBER+STRICT', () => {
    it('is seen by the owner and the listed agencies only, not by their sub-agencies', () => {
      assert.deepEqual(seenBy(marking({ tlp: 'AMBER+STRICT', shareAgencyIds: ['partner'] })), [
        'owner',
        'partner',
      ]);
    });

    it("is not seen by the owner's sub-agencies", () => {
      assert.equal(canSee(viewer('owner-sub'), marking({ tlp: 'AMBER+STRICT' })), false);
    });
  });

  describe('TLP:RED', () => {
    const red = marking({ tlp: 'RED', shareUserIds: ['named-partner'] });

    it('is seen by the named people only', () => {
      assert.equal(canSee(viewer('partner', { userId: 'named-partner' }), red), true);
      assert.equal(canSee(viewer('stranger', { userId: 'named-partner' }), red), true);
    });

    it('is not seen by colleagues of the author, nor by listed agencies', () => {
      assert.deepEqual(seenBy(red), []);
      assert.deepEqual(seenBy({ ...red, shareAgencyIds: ['partner'] }), []);
    });
  });

  describe('the author', () => {
    it('always sees what they wrote, on every label', () => {
      for (const tlp of tlpLabels) {
        const author = viewer('stranger', { userId: 'author' });
        assert.equal(canSee(author, marking({ tlp })), true, tlp);
      }
    });

    it('sees it even without the attributes its caveats demand', () => {
      const author = viewer('owner', { userId: 'author' });
      assert.equal(canSee(author, marking({ tlp: 'RED', caveats: ['LES', 'PII', 'PCII'] })), true);
    });
  });

  describe('caveats', () => {
    const cases: [Caveat, string][] = [
      ['LES', 'law-enforcement'],
      ['PII', 'pii-access'],
      ['PCII', 'pcii-access'],
    ];
    for (const [caveat, attribute] of cases) {
      it(`${caveat} hides the record from viewers without ${attribute}`, () => {
        const m = marking({ tlp: 'CLEAR', caveats: [caveat] });
        assert.equal(canSee(viewer('owner'), m), false);
        assert.equal(canSee(viewer('owner', { attributes: [attribute] }), m), true);
      });
    }

    it('each caveat demands its own attribute: all of them are needed', () => {
      const m = marking({ tlp: 'CLEAR', caveats: ['LES', 'PII'] });
      assert.equal(canSee(viewer('owner', { attributes: ['law-enforcement'] }), m), false);
      assert.equal(canSee(viewer('owner', { attributes: ['pii-access'] }), m), false);
      assert.equal(canSee(viewer('owner', { attributes: ['law-enforcement', 'pii-access'] }), m), true);
    });

    it('an attribute does not open a label the viewer is outside of', () => {
      const m = marking({ tlp: 'AMBER', caveats: ['LES'] });
      assert.equal(canSee(viewer('stranger', { attributes: ['law-enforcement'] }), m), false);
    });

    it('adding caveats never widens who sees a record (property)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...tlpLabels),
          fc.subarray([...caveats]),
          fc.subarray([...caveats]),
          fc.constantFrom(...everyAgency),
          fc.subarray(['law-enforcement', 'pii-access', 'pcii-access', 'cyber']),
          fc.subarray(everyAgency),
          (tlp, base, extra, agencyId, attributes, shareAgencyIds) => {
            const v = viewer(agencyId, { attributes });
            const plain = marking({ tlp, caveats: base, shareAgencyIds });
            const narrowed = { ...plain, caveats: [...new Set([...base, ...extra])] };
            return !canSee(v, narrowed) || canSee(v, plain);
          },
        ),
      );
    });
  });
});

describe('missingCaveatMask', () => {
  it('is every caveat bit for a viewer with no attributes', () => {
    assert.equal(missingCaveatMask({ attributes: [] }), caveatMask(['LES', 'PII', 'PCII']));
  });

  it('is zero for a viewer holding every caveat attribute', () => {
    assert.equal(missingCaveatMask({ attributes: ['law-enforcement', 'pii-access', 'pcii-access'] }), 0);
  });

  it('leaves out the bits whose attribute the viewer holds, and ignores unrelated attributes', () => {
    assert.equal(
      missingCaveatMask({ attributes: ['law-enforcement', 'cyber'] }),
      caveatMask(['PII', 'PCII']),
    );
  });

  it('hides exactly the records canSee hides for caveats (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...caveats]),
        fc.subarray(['law-enforcement', 'pii-access', 'pcii-access', 'cyber']),
        (recordCaveats, attributes) => {
          const hiddenByMask = (caveatMask(recordCaveats) & missingCaveatMask({ attributes })) !== 0;
          const seen = canSee(
            viewer('owner', { attributes }),
            marking({ tlp: 'CLEAR', caveats: recordCaveats }),
          );
          return hiddenByMask === !seen;
        },
      ),
    );
  });
});

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

describe('TLP labels', () => {
  it('mostRestrictiveTlp picks the most restrictive label of a set', () => {
    assert.equal(mostRestrictiveTlp(['GREEN', 'AMBER', 'CLEAR']), 'AMBER');
    assert.equal(mostRestrictiveTlp(['AMBER+STRICT', 'AMBER']), 'AMBER+STRICT');
    assert.equal(mostRestrictiveTlp(['RED', 'AMBER+STRICT', 'GREEN']), 'RED');
  });

  it('mostRestrictiveTlp of nothing is CLEAR', () => {
    assert.equal(mostRestrictiveTlp([]), 'CLEAR');
  });

  it('mostRestrictiveTlp accepts any iterable', () => {
    const labels = new Set<TlpLabel>(['GREEN', 'AMBER']);
    assert.equal(mostRestrictiveTlp(labels), 'AMBER');
  });

  it('formatTlp writes the label as the standard does', () => {
    assert.equal(formatTlp('CLEAR'), 'TLP:CLEAR');
    assert.equal(formatTlp('AMBER+STRICT'), 'TLP:AMBER+STRICT');
    assert.equal(formatTlp('RED'), 'TLP:RED');
  });
});

describe('hasPermission', () => {
  it("allows 'public' to everybody, even without roles", () => {
    assert.equal(hasPermission([], 'public'), true);
  });

  it('denies everything else by default to a user without roles', () => {
    for (const permission of permissions.filter((p) => p !== 'public')) {
      assert.equal(hasPermission([], permission), false, permission);
    }
  });

  it('grants what one of the roles grants', () => {
    assert.equal(hasPermission(['viewer'], 'bulletin.read'), true);
    assert.equal(hasPermission(['viewer'], 'bulletin.write'), false);
    assert.equal(hasPermission(['viewer', 'analyst'], 'bulletin.write'), true);
  });

  it('keeps administration to admins and the audit to admins and directors', () => {
    const auditors = roles.filter((role: Role) => hasPermission([role], 'audit.read'));
    assert.deepEqual(auditors, ['admin', 'director']);
    const userAdmins = roles.filter((role: Role) => hasPermission([role], 'user.admin'));
    assert.deepEqual(userAdmins, ['admin']);
  });
});
