export { canonicalJson, type JsonValue } from './canonical-json.ts';
export {
  chainJournalEntry,
  genesisHash,
  hashJournalEntry,
  type JournalDraft,
  type JournalEntry,
  type JournalKind,
  type JournalMarking,
} from './journal-entry.ts';
export { type JournalBreak, type JournalVerdict, JournalVerifier, verifyJournal } from './verify-journal.ts';
