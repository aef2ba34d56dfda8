import { canSee, hasPermission, type JournalEntry, type Viewer } from '@vigil/core';
import type pg from 'pg';
import { loadMarkings } from '../access/marking.store.ts';
import type { Database } from '../database/database.ts';
import { journalChannel, readJournalHead } from '../journal/journal.store.ts';
import { listEventsAfter, listVisibleEventsAfter } from './events.store.ts';
import { type JournalEvent, toJournalEvent } from './journal-event.ts';

type Subscriber = {
  viewer: Viewer;
  isAdmin: boolean;
  lastSent: number;
  /** Live events that arrive while the replay runs wait here, so nothing is lost or sent twice. */
  backlog: JournalEntry[] | null;
  send: (event: JournalEvent) => void;
  close: () => void;
};

const pageSize = 500;

/**
 * Fans committed journal entries out to connected users. Whatever wakes it (a local
 * commit, or PostgreSQL NOTIFY from another instance) it reads the journal after the
 * last entry it dispatched, so every instance sends every entry once, in order, and
 * checks each subscriber with the same `canSee` rule the SQL lists use.
 */
export class RealtimeHub {
  #database: Database;
  #subscribers = new Set<Subscriber>();
  #cursor = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #listener: pg.PoolClient | null = null;
  #started = false;
  #poll: NodeJS.Timeout | null = null;

  #onError: (error: unknown) => void = () => {};

  constructor(database: Database) {
    this.#database = database;
  }

  /** Where failed journal reads are reported (the server's logger, once it exists). */
  reportErrorsTo(onError: (error: unknown) => void): void {
    this.#onError = onError;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#cursor = (await readJournalHead(this.#database.db)).seq;
    const pool = this.#database.pgPool;
    if (pool) {
      const client = await pool.connect();
      // The payload is the committed entry's sequence number (see appendJournal).
      client.on('notification', (message) => {
        const seq = Number(message.payload);
        void this.notify(Number.isSafeInteger(seq) ? seq : undefined);
      });
      client.on('error', () => {});
      await client.query(`LISTEN ${journalChannel}`);
      this.#listener = client;
    } else {
      // SQLite has no NOTIFY: a change written by another process (the CLI, a second
      // server on the same file) is picked up by a cheap read of the journal each second.
      this.#poll = setInterval(() => void this.notify(), 1000);
      this.#poll.unref();
    }
  }

  /** Ends every open stream (at shutdown), so the server can close; browsers reconnect with Last-Event-ID. */
  disconnectAll(): void {
    for (const subscriber of this.#subscribers) subscriber.close();
    this.#subscribers.clear();
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = null;
    this.disconnectAll();
    if (this.#listener) {
      this.#listener.removeAllListeners('notification');
      await this.#listener.query(`UNLISTEN ${journalChannel}`).catch(() => {});
      this.#listener.release();
      this.#listener = null;
    }
    await this.#running;
  }

  get subscriberCount(): number {
    return this.#subscribers.size;
  }

  /**
   * Something was committed: dispatch it (coalesces bursts into one read). Pass the
   * sequence number of the entry just committed when it is known: with nobody
   * subscribed the hub then only moves its cursor, without reading the database.
   * Sequence numbers are handed out under the journal head's lock, in commit order,
   * so every entry up to a committed one is committed too: a later subscriber, which
   * starts after the cursor, was not connected when any of them happened.
   */
  notify(committedSeq?: number): Promise<void> {
    // A hub that was never started (CLI commands) has nobody to tell.
    if (!this.#started) return Promise.resolve();
    if (committedSeq !== undefined && this.#subscribers.size === 0 && !this.#running) {
      this.#cursor = Math.max(this.#cursor, committedSeq);
      return Promise.resolve();
    }
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    // A failed read (database restarting) is reported and retried on the next wake-up:
    // the cursor only moves past entries that were dispatched.
    this.#running = this.#drain()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async #drain(): Promise<void> {
    do {
      this.#again = false;
      if (this.#subscribers.size === 0) {
        // Nobody to tell: reading the entries (and their markings) would be wasted; the
        // cursor still moves, so that a later subscriber does not get them in a burst.
        const head = await readJournalHead(this.#database.db);
        if (this.#subscribers.size === 0) {
          this.#cursor = Math.max(this.#cursor, head.seq);
          continue;
        }
      }
      for (;;) {
        const entries = await listEventsAfter(this.#database.db, this.#cursor, pageSize);
        if (entries.length === 0) break;
        const markings = await loadMarkings(
          this.#database.db,
          entries.flatMap((e) => (e.markingId ? [e.markingId] : [])),
        );
        for (const entry of entries) {
          this.#cursor = entry.seq;
          const marking = entry.markingId ? markings.get(entry.markingId) : undefined;
          for (const subscriber of this.#subscribers) {
            const visible = marking
              ? canSee(subscriber.viewer, marking)
              : subscriber.isAdmin && !entry.markingId;
            if (!visible) continue;
            if (subscriber.backlog) subscriber.backlog.push(entry);
            else this.#deliver(subscriber, entry);
          }
        }
        if (entries.length < pageSize) break;
      }
    } while (this.#again);
  }

  #deliver(subscriber: Subscriber, entry: JournalEntry): void {
    if (entry.seq <= subscriber.lastSent) return;
    subscriber.lastSent = entry.seq;
    subscriber.send(toJournalEvent(entry));
  }

  /**
   * Subscribes a viewer. With `afterSeq` (from Last-Event-ID) it first replays what the
   * viewer missed, read with the SQL visibility filter, then switches to live events.
   */
  async subscribe(
    viewer: Viewer,
    afterSeq: number | null,
    send: (event: JournalEvent) => void,
    close: () => void = () => {},
  ): Promise<() => void> {
    const subscriber: Subscriber = {
      viewer,
      isAdmin: hasPermission(viewer.roles, 'user.admin'),
      lastSent: afterSeq ?? this.#cursor,
      backlog: afterSeq === null ? null : [],
      send,
      close,
    };
    this.#subscribers.add(subscriber);
    const unsubscribe = () => {
      this.#subscribers.delete(subscriber);
    };
    if (afterSeq === null) return unsubscribe;
    try {
      for (;;) {
        const missed = await listVisibleEventsAfter(this.#database.db, viewer, subscriber.lastSent, pageSize);
        for (const entry of missed) this.#deliver(subscriber, entry);
        if (missed.length < pageSize) break;
      }
    } finally {
      const backlog = subscriber.backlog ?? [];
      subscriber.backlog = null;
      for (const entry of backlog) this.#deliver(subscriber, entry);
    }
    return unsubscribe;
  }
}
