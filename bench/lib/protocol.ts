/** Messages between bench/api.ts and the server processes it forks (over the IPC channel). */

export type VigilInit = {
  type: 'init';
  /** Directory for the database; the parent owns it and removes it. */
  dir: string;
  /** How many bulletins to seed before the first measurement. */
  bulletins: number;
};

export type VigilReady = {
  type: 'ready';
  port: number;
  /** Bearer token of the reader (Agency B, operations): sees part of the seed, not all of it. */
  readerToken: string;
  /** Bearer token of the writer (Agency A, analyst). */
  writerToken: string;
  /** Bearer token of a law-enforcement analyst in Agency C: may read LES bulletins. */
  sensitiveReaderToken: string;
  /** Agency B: the writes are AMBER shared with it. */
  shareWithAgencyId: string;
  /** Bulletins the reader may see (none of them journaled on read). */
  readIds: string[];
  /** LES bulletins the law-enforcement analyst may see: each read is journaled. */
  sensitiveIds: string[];
  seeded: { bulletins: number; visibleToReader: number; ms: number };
};

export type BareInit = {
  type: 'init';
  /** path → the exact JSON text it answers with. */
  routes: Record<string, string>;
};

export type BareReady = { type: 'ready'; port: number };

export type VerifyRequest = { type: 'verify' };
export type VerifyReply = { type: 'verified'; ok: boolean; entries: number; bulletins: number };

export type Stop = { type: 'stop' };
