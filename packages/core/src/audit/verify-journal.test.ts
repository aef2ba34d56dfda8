import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { caveats, tlpLabels } from '../access/index.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';
import {
  chainJournalEntry,
  genesisHash,
  type JournalDraft,
  type JournalEntry,
  type JournalKind,
} from './journal-entry.ts';
import { type JournalVerdict, JournalVerifier, verifyJournal } from './verify-journal.ts';

function draft(n: number): JournalDraft {
  return {
    at: new Date(Date.UTC(2026, 8, 15, 12, 0, n)).toISOString(),
    actorUserId: `user-${n % 3}`,
    actorAgencyId: 'agency-1',
    action: n % 2 ? 'bulletin.create' : 'bulletin.update',
    kind: 'change',
    entityType: 'bulletin',
    entityId: `bulletin-${n}`,
    change: { title: `Bulletin ${n}`, tags: ['flood', n] },
    markingId: `marking-${n}`,
    marking: { tlp: 'AMBER', caveats: [], ownerAgencyId: 'agency-1' },
  };
}

function chain(drafts: JournalDraft[]): { entries: JournalEntry[]; head: { seq: number; hash: string } } {
  let head = { seq: 0, hash: genesisHash };
  const entries: JournalEntry[] = [];
  for (const d of drafts) {
    const entry = chainJournalEntry(head, d);
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { entries, head };
}

/** Ten entries, seq 1..10. */
function tenEntries() {
  return chain(Array.from({ length: 10 }, (_, i) => draft(i + 1)));
}

function broken(verdict: JournalVerdict) {
  assert.equal(verdict.ok, false, 'the journal should be reported broken');
  if (verdict.ok) throw new Error('unreachable');
  return verdict;
}

describe('chainJournalEntry', () => {
  it('numbers entries from 1 and links each to the hash before it', () => {
    const { entries, head } = tenEntries();
    assert.deepEqual(
      entries.map((e) => e.seq),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(entries[0]?.prevHash, genesisHash);
    for (let i = 1; i < entries.length; i++) assert.equal(entries[i]?.prevHash, entries[i - 1]?.hash);
    assert.deepEqual(head, { seq: 10, hash: entries[9]?.hash });
    assert.match(head.hash, /^[0-9a-f]{64}$/);
  });

  it('hashes the same draft the same way every time', () => {
    assert.deepEqual(tenEntries(), tenEntries());
  });
});

describe('verifyJournal', () => {
  it('accepts an intact chain and reports its length and head hash', () => {
    const { entries, head } = tenEntries();
    assert.deepEqual(verifyJournal(entries, head), { ok: true, entries: 10, headHash: head.hash });
  });

  it('accepts an empty journal whose head is the genesis', () => {
    assert.deepEqual(verifyJournal([], { seq: 0, hash: genesisHash }), {
      ok: true,
      entries: 0,
      headHash: genesisHash,
    });
  });

  it('names an edited entry: its hash no longer matches', () => {
    const { entries, head } = tenEntries();
    const edited = entries.map((e) => (e.seq === 4 ? { ...e, action: 'bulletin.retract' } : e));
    const verdict = broken(verifyJournal(edited, head));
    assert.equal(verdict.break.seq, 4);
    assert.equal(verdict.break.reason, 'hash-mismatch');
    assert.equal(verdict.entries, 3);
  });

  it('names an entry edited together with its own hash: the next entry no longer links to it', () => {
    const { entries, head } = tenEntries();
    const forged = chainJournalEntry({ seq: 3, hash: entries[2]?.hash ?? '' }, { ...draft(4), action: 'x' });
    const edited = entries.map((e) => (e.seq === 4 ? forged : e));
    const verdict = broken(verifyJournal(edited, head));
    assert.equal(verdict.break.seq, 5);
    assert.equal(verdict.break.reason, 'previous-hash-mismatch');
  });

  it('names the entry after a deleted middle entry as a sequence gap', () => {
    const { entries, head } = tenEntries();
    const verdict = broken(
      verifyJournal(
        entries.filter((e) => e.seq !== 5),
        head,
      ),
    );
    assert.equal(verdict.break.seq, 6);
    assert.equal(verdict.break.reason, 'sequence-gap');
    assert.match(verdict.break.detail, /expected entry 5, found 6/);
    assert.equal(verdict.entries, 4);
  });

  it('catches a deleted tail entry through the head', () => {
    const { entries, head } = tenEntries();
    const verdict = broken(verifyJournal(entries.slice(0, 9), head));
    assert.equal(verdict.break.seq, 10);
    assert.equal(verdict.break.reason, 'head-mismatch');
    assert.equal(verdict.entries, 9);
  });

  it('accepts a prefix whose head was rewound with it: the head row alone guards the tail', () => {
    const { entries } = tenEntries();
    const prefix = entries.slice(0, 7);
    const last = prefix.at(-1) as JournalEntry;
    assert.equal(verifyJournal(prefix, { seq: last.seq, hash: last.hash }).ok, true);
  });

  it('catches a head whose hash was rewritten', () => {
    const { entries, head } = tenEntries();
    const verdict = broken(verifyJournal(entries, { ...head, hash: genesisHash }));
    assert.equal(verdict.break.reason, 'head-mismatch');
  });

  it('names the first of two swapped entries', () => {
    const { entries, head } = tenEntries();
    const swapped = [...entries];
    [swapped[2], swapped[6]] = [swapped[6] as JournalEntry, swapped[2] as JournalEntry];
    const verdict = broken(verifyJournal(swapped, head));
    assert.equal(verdict.break.seq, 7);
    assert.equal(verdict.break.reason, 'sequence-gap');
    assert.match(verdict.break.detail, /expected entry 3/);
    assert.equal(verdict.entries, 2);
  });

  it('names the first of two entries whose seq numbers were swapped in place', () => {
    // As a database would return them after `update journal set seq = …`: in seq order, contents exchanged.
    const { entries, head } = tenEntries();
    const renumbered = entries.map((e) =>
      e.seq === 3
        ? { ...(entries[6] as JournalEntry), seq: 3 }
        : e.seq === 7
          ? { ...(entries[2] as JournalEntry), seq: 7 }
          : e,
    );
    const verdict = broken(verifyJournal(renumbered, head));
    assert.equal(verdict.break.seq, 3);
    assert.equal(verdict.entries, 2);
  });

  it('catches an entry whose seq was rewritten', () => {
    const { entries, head } = tenEntries();
    const rewritten = entries.map((e) => (e.seq === 3 ? { ...e, seq: 30 } : e));
    const verdict = broken(verifyJournal(rewritten, head));
    assert.equal(verdict.break.reason, 'sequence-gap');
    assert.match(verdict.break.detail, /expected entry 3, found 30/);
    assert.equal(verdict.entries, 2);
  });

  it('catches an entry renumbered to a duplicate of its predecessor', () => {
    const { entries, head } = tenEntries();
    const rewritten = entries.map((e) => (e.seq === 3 ? { ...e, seq: 2 } : e));
    const verdict = broken(verifyJournal(rewritten, head));
    assert.match(verdict.break.detail, /expected entry 3/);
    assert.equal(verdict.entries, 2);
  });

  it('reports only the first bad entry when several are damaged', () => {
    const { entries, head } = tenEntries();
    const damaged = entries
      .map((e) => (e.seq === 2 || e.seq === 8 ? { ...e, entityId: 'changed' } : e))
      .filter((e) => e.seq !== 5);
    const verdict = broken(verifyJournal(damaged, head));
    assert.equal(verdict.break.seq, 2);
    assert.equal(verdict.break.reason, 'hash-mismatch');
  });

  it('stops reading at the first break', () => {
    const { entries, head } = tenEntries();
    let read = 0;
    function* counted() {
      for (const e of entries) {
        read += 1;
        yield e.seq === 2 ? { ...e, at: 'then' } : e;
      }
    }
    broken(verifyJournal(counted(), head));
    assert.equal(read, 2);
  });

  it('JournalVerifier keeps answering the first break after it', () => {
    const { entries, head } = tenEntries();
    const verifier = new JournalVerifier();
    assert.equal(verifier.push(entries[0] as JournalEntry), null);
    const first = verifier.push({ ...(entries[1] as JournalEntry), hash: genesisHash });
    assert.equal(first?.seq, 2);
    assert.deepEqual(verifier.push(entries[2] as JournalEntry), first);
    const verdict = broken(verifier.finish(head));
    assert.deepEqual(verdict.break, first);
  });
});

const kinds: JournalKind[] = ['change', 'access', 'security'];
const editableFields = [
  'seq',
  'at',
  'actorUserId',
  'actorAgencyId',
  'action',
  'kind',
  'entityType',
  'entityId',
  'change',
  'markingId',
  'marking',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof JournalEntry)[];
type EditableField = (typeof editableFields)[number];

/** A value of `field` different from the entry's, as one tampering with the stored row could write. */
function edit(entry: JournalEntry, field: EditableField, salt: string, toNull: boolean): JournalEntry {
  const nullable = (value: string | null) => (value === null ? salt : toNull ? null : value + salt);
  const flipHex = (hex: string) => {
    const at = salt.length % hex.length;
    return hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
  };
  switch (field) {
    case 'seq':
      return { ...entry, seq: entry.seq + 1 + salt.length };
    case 'at':
    case 'action':
    case 'entityType':
    case 'entityId':
      return { ...entry, [field]: entry[field] + salt };
    case 'actorUserId':
    case 'actorAgencyId':
    case 'markingId':
      return { ...entry, [field]: nullable(entry[field]) };
    case 'kind':
      return { ...entry, kind: kinds[(kinds.indexOf(entry.kind) + 1) % kinds.length] as JournalKind };
    case 'change':
      return { ...entry, change: { was: entry.change, salt } };
    case 'marking':
      return {
        ...entry,
        marking:
          entry.marking === null
            ? { tlp: 'CLEAR', caveats: [], ownerAgencyId: salt }
            : toNull
              ? null
              : { ...entry.marking, ownerAgencyId: entry.marking.ownerAgencyId + salt },
      };
    case 'prevHash':
    case 'hash':
      return { ...entry, [field]: flipHex(entry[field]) };
  }
}

const draftArb: fc.Arbitrary<JournalDraft> = fc.record({
  at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actorUserId: fc.option(fc.uuid(), { nil: null }),
  actorAgencyId: fc.option(fc.uuid(), { nil: null }),
  action: fc.constantFrom('bulletin.create', 'bulletin.update', 'user.login', 'bulletin.read'),
  kind: fc.constantFrom(...kinds),
  entityType: fc.constantFrom('bulletin', 'user', 'agency'),
  entityId: fc.uuid(),
  change: fc.jsonValue({ maxDepth: 3 }).map((v) => v as JsonValue),
  markingId: fc.option(fc.uuid(), { nil: null }),
  marking: fc.option(
    fc.record({
      tlp: fc.constantFrom(...tlpLabels),
      caveats: fc.subarray([...caveats]),
      ownerAgencyId: fc.uuid(),
    }),
    { nil: null },
  ),
});

describe('verifyJournal over random chains (property)', () => {
  it('detects any single-field edit of any entry at that entry', () => {
    fc.assert(
      fc.property(
        fc.array(draftArb, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...editableFields),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (drafts, pick, field, salt, toNull) => {
          const { entries, head } = chain(drafts);
          const index = pick % entries.length;
          const original = entries[index] as JournalEntry;
          const tampered = entries.map((e, i) => (i === index ? edit(e, field, salt, toNull) : e));
          assert.notEqual(
            canonicalJson(tampered[index]),
            canonicalJson(original),
            'the edit changes the entry',
          );

          const verdict = broken(verifyJournal(tampered, head));
          // Everything before the edited entry verifies; the break is the edited entry itself.
          assert.equal(verdict.entries, index);
          if (field === 'seq')
            assert.match(verdict.break.detail, new RegExp(`expected entry ${original.seq},`));
          else assert.equal(verdict.break.seq, original.seq);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts every untouched random chain', () => {
    fc.assert(
      fc.property(fc.array(draftArb, { maxLength: 12 }), (drafts) => {
        const { entries, head } = chain(drafts);
        const verdict = verifyJournal(entries, head);
        assert.deepEqual(verdict, { ok: true, entries: entries.length, headHash: head.hash });
      }),
    );
  });
});
