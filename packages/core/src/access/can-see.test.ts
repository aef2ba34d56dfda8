import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canSee, missingCaveatMask } from './can-see.ts';
import { type Caveat, caveatMask, caveats } from './marking.ts';
import { everyAgency, marking, seenBy, viewer } from './marking-test-cast.ts';
import { hasPermission, permissions, type Role, roles } from './permissions.ts';
import { formatTlp, mostRestrictiveTlp, type TlpLabel, tlpLabels } from './tlp.ts';

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
