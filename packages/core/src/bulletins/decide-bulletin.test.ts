import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Marking, Viewer } from '../access/index.ts';
import { agencyCreateSchema, findAgencyAncestors } from '../agencies/index.ts';
import { DomainError, type ErrorCode } from '../errors/index.ts';
import { type BulletinState, decideBulletinRetract, decideBulletinUpdate } from './decide-bulletin.ts';

function viewer(agencyId: string, userId = `someone-at-${agencyId}`): Viewer {
  return { userId, agencyId, agencyAncestorIds: [], roles: ['analyst'], attributes: [] };
}

const owner = viewer('owner');
const partner = viewer('partner');
const stranger = viewer('stranger');

function marking(overrides: Partial<Marking> = {}): Marking {
  return {
    ownerAgencyId: 'owner',
    authorUserId: 'author',
    tlp: 'AMBER',
    caveats: ['LES'],
    shareAgencyIds: ['partner'],
    shareUserIds: [],
    ...overrides,
  };
}

function bulletin(overrides: Partial<BulletinState> = {}): BulletinState {
  return {
    title: 'Flood watch, Richmond',
    body: 'James River expected to crest at 19 ft.',
    status: 'published',
    version: 3,
    marking: marking(),
    ...overrides,
  };
}

/** Asserts `act` throws a DomainError with `code` (and `field`, when given). */
function assertRefused(act: () => unknown, code: ErrorCode, field?: string) {
  assert.throws(act, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (field !== undefined) assert.equal(error.field, field);
    return true;
  });
}

describe('decideBulletinUpdate', () => {
  describe('the owning agency', () => {
    it('may edit the title and body', () => {
      const decided = decideBulletinUpdate(owner, bulletin(), {
        title: 'Flood warning, Richmond',
        version: 3,
      });
      assert.equal(decided.title, 'Flood warning, Richmond');
      assert.equal(decided.body, bulletin().body);
      assert.deepEqual(decided.marking, marking());
      assert.deepEqual(decided.changed, { title: 'Flood warning, Richmond' });
    });

    it('may lower the marking', () => {
      const lowered = marking({ tlp: 'GREEN', caveats: [], shareAgencyIds: [] });
      const decided = decideBulletinUpdate(owner, bulletin(), { marking: lowered });
      assert.deepEqual(decided.marking, lowered);
      assert.deepEqual(decided.changed, { marking: { from: 'AMBER', to: 'GREEN' } });
    });

    it('may edit through any member of the agency, not only the author', () => {
      const colleague = viewer('owner', 'colleague');
      assert.doesNotThrow(() => decideBulletinUpdate(colleague, bulletin(), { body: 'Crest now 20 ft.' }));
    });
  });

  describe('an agency on the share list', () => {
    it('may edit the body', () => {
      const decided = decideBulletinUpdate(partner, bulletin(), { body: 'Crest now 20 ft.' });
      assert.equal(decided.body, 'Crest now 20 ft.');
      assert.deepEqual(decided.changed, { body: 'Crest now 20 ft.' });
    });

    it('may raise the marking', () => {
      const raised = marking({ tlp: 'AMBER+STRICT', caveats: ['LES', 'PII'] });
      const decided = decideBulletinUpdate(partner, bulletin(), { marking: raised });
      assert.deepEqual(decided.marking, raised);
      assert.deepEqual(decided.changed, { marking: { from: 'AMBER', to: 'AMBER+STRICT' } });
    });

    it('may not lower the label', () => {
      assertRefused(
        () => decideBulletinUpdate(partner, bulletin(), { marking: marking({ tlp: 'GREEN' }) }),
        'MARKING_LOWER_FORBIDDEN',
        'marking',
      );
    });

    it('may not drop a caveat', () => {
      assertRefused(
        () => decideBulletinUpdate(partner, bulletin(), { marking: marking({ caveats: [] }) }),
        'MARKING_LOWER_FORBIDDEN',
      );
    });

    it('may not widen the share list', () => {
      assertRefused(
        () =>
          decideBulletinUpdate(partner, bulletin(), {
            marking: marking({ shareAgencyIds: ['partner', 'stranger'] }),
          }),
        'MARKING_LOWER_FORBIDDEN',
      );
    });

    it('may not widen the share list by raising the label at the same time', () => {
      // `stranger` could not see the AMBER bulletin; it could see the AMBER+STRICT one.
      assertRefused(
        () =>
          decideBulletinUpdate(partner, bulletin(), {
            marking: marking({ tlp: 'AMBER+STRICT', shareAgencyIds: ['partner', 'stranger'] }),
          }),
        'MARKING_LOWER_FORBIDDEN',
      );
    });

    it('a lowering refused is refused before anything else changes', () => {
      assertRefused(
        () =>
          decideBulletinUpdate(partner, bulletin(), {
            body: 'new text',
            marking: marking({ tlp: 'CLEAR', caveats: [] }),
          }),
        'MARKING_LOWER_FORBIDDEN',
      );
    });
  });

  describe('a person named on a RED share list', () => {
    it('may edit the body', () => {
      const red = bulletin({ marking: marking({ tlp: 'RED', shareAgencyIds: [], shareUserIds: ['named'] }) });
      const named = viewer('stranger', 'named');
      assert.equal(decideBulletinUpdate(named, red, { body: 'Update.' }).body, 'Update.');
    });
  });

  it('refuses an agency that is neither owner nor partner', () => {
    assertRefused(() => decideBulletinUpdate(stranger, bulletin(), { body: 'x' }), 'PERMISSION_DENIED');
  });

  it('refuses a sub-agency of the owner that is not on the share list', () => {
    const ownerSub: Viewer = { ...viewer('owner-sub'), agencyAncestorIds: ['owner'] };
    assertRefused(() => decideBulletinUpdate(ownerSub, bulletin(), { body: 'x' }), 'PERMISSION_DENIED');
  });

  it('refuses to edit a retracted bulletin, even for the owner', () => {
    assertRefused(
      () => decideBulletinUpdate(owner, bulletin({ status: 'retracted' }), { body: 'x' }),
      'INVALID_STATE',
    );
  });

  it('refuses a stale version as a conflict on the version field', () => {
    assertRefused(
      () => decideBulletinUpdate(owner, bulletin(), { body: 'x', version: 2 }),
      'CONFLICT',
      'version',
    );
  });

  it('accepts an edit without a version (last write wins)', () => {
    assert.doesNotThrow(() => decideBulletinUpdate(owner, bulletin(), { body: 'x' }));
  });

  it('lists only what changed', () => {
    const current = bulletin();
    const decided = decideBulletinUpdate(owner, current, {
      title: current.title,
      body: 'New body.',
      marking: marking(),
      version: 3,
    });
    assert.deepEqual(decided.changed, { body: 'New body.' });
  });

  it('lists nothing when nothing changed, and keeps the current content', () => {
    const current = bulletin();
    const decided = decideBulletinUpdate(owner, current, {
      title: current.title,
      body: current.body,
      marking: marking({ shareAgencyIds: ['partner'], caveats: ['LES'] }),
    });
    assert.deepEqual(decided, {
      title: current.title,
      body: current.body,
      marking: current.marking,
      changed: {},
    });
  });

  it('lists a marking change even when only the share list changed', () => {
    const decided = decideBulletinUpdate(owner, bulletin(), {
      marking: marking({ shareAgencyIds: ['partner', 'stranger'] }),
    });
    assert.deepEqual(decided.changed, { marking: { from: 'AMBER', to: 'AMBER' } });
  });
});

describe('decideBulletinRetract', () => {
  it('lets the owning agency retract', () => {
    assert.doesNotThrow(() => decideBulletinRetract(owner, bulletin()));
  });

  it('refuses a share-list partner', () => {
    assertRefused(() => decideBulletinRetract(partner, bulletin()), 'PERMISSION_DENIED');
  });

  it('refuses a stranger', () => {
    assertRefused(() => decideBulletinRetract(stranger, bulletin()), 'PERMISSION_DENIED');
  });

  it('refuses to retract twice', () => {
    assertRefused(() => decideBulletinRetract(owner, bulletin({ status: 'retracted' })), 'INVALID_STATE');
  });
});

describe('agencyCreateSchema', () => {
  const base = { name: 'Virginia Department of Emergency Management', kind: 'state' };

  it('accepts state (2-digit) and county (5-digit) FIPS codes, kept as text', () => {
    const parsed = agencyCreateSchema.parse({ ...base, jurisdiction: ['51', '51710', '06037'] });
    assert.deepEqual(parsed.jurisdiction, ['51', '51710', '06037']);
  });

  for (const bad of ['5171', 'abc', '517100', '5', '', ' 51']) {
    it(`refuses the FIPS code ${JSON.stringify(bad)}, naming the field`, () => {
      const result = agencyCreateSchema.safeParse({ ...base, jurisdiction: ['51', bad] });
      assert.equal(result.success, false);
      assert.deepEqual(result.error?.issues[0]?.path, ['jurisdiction', 1]);
    });
  }

  it('refuses an unknown kind and unknown keys', () => {
    assert.equal(agencyCreateSchema.safeParse({ ...base, kind: 'bogus' }).success, false);
    assert.equal(agencyCreateSchema.safeParse({ ...base, budget: 1 }).success, false);
  });
});

describe('findAgencyAncestors', () => {
  const parentOf = new Map<string, string | null>([
    ['virginia', null],
    ['fairfax-county', 'virginia'],
    ['fairfax-police', 'fairfax-county'],
    ['fairfax-police-cyber', 'fairfax-police'],
  ]);

  it('lists the parents up to the root, nearest first', () => {
    assert.deepEqual(findAgencyAncestors('fairfax-police-cyber', parentOf), [
      'fairfax-police',
      'fairfax-county',
      'virginia',
    ]);
  });

  it('answers no ancestors for a root or an unknown agency', () => {
    assert.deepEqual(findAgencyAncestors('virginia', parentOf), []);
    assert.deepEqual(findAgencyAncestors('nowhere', parentOf), []);
  });

  it('refuses a cycle through the agency itself', () => {
    const cyclic = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ]);
    assert.throws(() => findAgencyAncestors('a', cyclic), /cycle/);
  });

  it('refuses an agency that is its own parent', () => {
    assert.throws(() => findAgencyAncestors('a', new Map([['a', 'a']])), /cycle/);
  });

  it('refuses a cycle above the agency', () => {
    const cyclic = new Map<string, string | null>([
      ['leaf', 'a'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
    assert.throws(() => findAgencyAncestors('leaf', cyclic), /cycle/);
  });
});
