import { randomUUID } from 'node:crypto';
import { idleOptimizeProgress as idle, type OptimizeProgress, type SolveProgress } from '@vigil/core/budget';
import type { Database } from '../platform/database/database.ts';
import {
  deleteProgress,
  deleteStaleProgress,
  insertProgress,
  type ProgressChange,
  type ProgressRow,
  selectProgress,
  updateProgress,
} from './optimize-progress.store.ts';

export type ProgressTiming = {
  /** How often a process refreshes the rows of its solves in flight (ms). */
  heartbeatMs: number;
  /** A row not refreshed for this long belongs to a process that is gone (ms). */
  staleMs: number;
};

const defaultTiming: ProgressTiming = { heartbeatMs: 5_000, staleMs: 20_000 };

/**
 * The optimizer solves in flight, by portfolio: what the progress route answers while a user
 * waits for a plan. Kept in the database (`budget_optimize_progress`) so that behind several
 * server processes a poll reaching any of them sees the solve another one runs. Only a view of
 * work in flight: nothing here is a record (the run and its journal entry are written when the
 * solve ends), rows are deleted when their solve ends, and the rows of a process that died go
 * stale (it refreshed them every few seconds) and are ignored, then removed by the next solve.
 * The processes are expected to share time (NTP); a host whose clock is well apart may take
 * another's row for stale and remove it, and the owner writes it again at its next report or
 * heartbeat. Who may read a portfolio's progress is decided by the route (its markings, in
 * SQL), not here.
 *
 * The solver reports four times a second and at each better plan, which can come in bursts:
 * one write per solve is in flight at a time and the reports that arrive meanwhile are merged
 * into the next, so writes keep their order and never pile up. A failed write (the database
 * closing under a shutdown) loses only a progress line; a solve whose row could not be made at
 * all runs without one.
 */
export class OptimizeProgressBoard {
  /** This process's solves in flight, each row as last written (or to be written). */
  private readonly mine = new Map<string, ProgressRow>();
  /** Per solve: the write in flight, and what the next one will carry. */
  private readonly writes = new Map<string, { flight: Promise<void>; next: ProgressChange | undefined }>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
    private readonly timing: ProgressTiming = defaultTiming,
  ) {}

  /** A solve was asked for; returns its ticket for the calls below (undefined when no row could be made). */
  async enter(portfolioId: string, version: number, timeLimit: number): Promise<string | undefined> {
    const ticket = randomUUID();
    const at = this.now().toISOString();
    const db = this.database.db;
    const row: ProgressRow = {
      ticket,
      portfolio_id: portfolioId,
      portfolio_version: version,
      time_limit: timeLimit,
      state: 'queued',
      entered_at: at,
      started_at: null,
      seconds: null,
      objective: null,
      bound: null,
      gap: null,
      updated_at: at,
    };
    try {
      await deleteStaleProgress(db, this.staleBefore());
      await insertProgress(db, row);
    } catch {
      return undefined; // a view, not a record: the solve goes on without one
    }
    this.mine.set(ticket, row);
    this.heartbeat ??= setInterval(() => this.refresh(), this.timing.heartbeatMs).unref();
    return ticket;
  }

  start(ticket: string | undefined): void {
    const at = this.now().toISOString();
    this.write(ticket, { state: 'running', started_at: at, seconds: 0, updated_at: at });
  }

  update(ticket: string | undefined, progress: SolveProgress): void {
    if (ticket === undefined) return;
    const finite = (value: number | undefined) =>
      value === undefined || !Number.isFinite(value) ? null : value;
    // `state` again: a report means the solve runs, even if the start's write was lost.
    this.write(ticket, {
      state: 'running',
      ...this.stamp(ticket),
      objective: finite(progress.objective),
      bound: finite(progress.bound),
      gap: finite(progress.gap),
    });
  }

  /**
   * The time of a write, and the seconds the solve has run by this process's clock then: a
   * reader on another host adds only the time since this write, so clocks a little apart
   * shift the figure by no more than that.
   */
  private stamp(ticket: string): { updated_at: string; seconds?: number } {
    const now = this.now();
    const started = this.mine.get(ticket)?.started_at;
    return {
      updated_at: now.toISOString(),
      ...(started ? { seconds: (now.getTime() - Date.parse(started)) / 1000 } : {}),
    };
  }

  /** The solve ended (answer, error or overrun): its row goes once the write in flight landed. */
  async leave(ticket: string | undefined): Promise<void> {
    if (ticket === undefined) return;
    this.mine.delete(ticket);
    if (this.mine.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    const pending = this.writes.get(ticket);
    this.writes.delete(ticket);
    await pending?.flight;
    await deleteProgress(this.database.db, ticket).catch(() => undefined);
  }

  /**
   * The solve of the portfolio to show: of `version` (the page's) when one runs or waits, else
   * the newest running one, else the newest queued one, else idle.
   */
  async read(portfolioId: string, version?: number): Promise<OptimizeProgress> {
    const row = await selectProgress(this.database.db, portfolioId, this.staleBefore(), version);
    if (!row) return idle;
    return {
      state: row.state,
      version: Number(row.portfolio_version),
      seconds: row.state === 'running' ? this.secondsOf(row) : null,
      time_limit: Number(row.time_limit),
      objective: row.objective === null ? null : Number(row.objective),
      bound: row.bound === null ? null : Number(row.bound),
      gap: row.gap === null ? null : Number(row.gap),
    };
  }

  /** The seconds written with the row's last write, plus the time since that write (at most a heartbeat and a bit). */
  private secondsOf(row: { seconds: number | null; updated_at: string }): number | null {
    if (row.seconds === null) return null;
    const since = Math.max(0, this.now().getTime() - Date.parse(row.updated_at)) / 1000;
    const seconds = Number(row.seconds) + Math.min(since, (2 * this.timing.heartbeatMs) / 1000);
    return Math.round(seconds * 10) / 10;
  }

  private staleBefore(): string {
    return new Date(this.now().getTime() - this.timing.staleMs).toISOString();
  }

  private write(ticket: string | undefined, change: ProgressChange): void {
    const row = ticket === undefined ? undefined : this.mine.get(ticket);
    if (ticket === undefined || !row) return;
    Object.assign(row, change);
    const pending = this.writes.get(ticket);
    if (pending) {
      pending.next = { ...pending.next, ...change };
      return;
    }
    const entry: { flight: Promise<void>; next: ProgressChange | undefined } = {
      flight: Promise.resolve(),
      next: undefined,
    };
    const send = async (values: ProgressChange): Promise<void> => {
      const db = this.database.db;
      const updated = await updateProgress(db, ticket, values).catch(() => undefined);
      // Gone from under it (another host took it for stale, its clock well apart): write it again.
      const current = this.mine.get(ticket);
      if (updated === 0 && current) await insertProgress(db, { ...current }).catch(() => undefined);
      const next = entry.next;
      entry.next = undefined;
      if (next && this.writes.get(ticket) === entry) return send(next);
      if (this.writes.get(ticket) === entry) this.writes.delete(ticket);
    };
    entry.flight = send(change);
    this.writes.set(ticket, entry);
  }

  private refresh(): void {
    for (const ticket of this.mine.keys()) this.write(ticket, this.stamp(ticket));
  }
}

const boards = new WeakMap<Database, OptimizeProgressBoard>();

/** One board per database a process serves (a test process may serve several). */
export function optimizeProgressBoard(database: Database, now: () => Date): OptimizeProgressBoard {
  let board = boards.get(database);
  if (!board) {
    board = new OptimizeProgressBoard(database, now);
    boards.set(database, board);
  }
  return board;
}
