import { randomUUID } from 'node:crypto';
import { idleOptimizeProgress as idle, type OptimizeProgress, type SolveProgress } from '@vigil/core/budget';
import { sql } from 'kysely';
import type { Database } from '../platform/database/database.ts';

/** How often a process refreshes the rows of its solves in flight. */
const heartbeatMs = 5_000;
/** A row not refreshed for this long belongs to a process that is gone. */
const staleMs = 4 * heartbeatMs;

/**
 * The optimizer solves in flight, by portfolio: what the progress route answers while a user
 * waits for a plan. Kept in the database (`budget_optimize_progress`) so that behind several
 * server processes a poll reaching any of them sees the solve another one runs. Only a view of
 * work in flight: nothing here is a record (the run and its journal entry are written when the
 * solve ends), rows are deleted when their solve ends, and the rows of a process that died go
 * stale (it refreshed them every few seconds) and are ignored, then removed by the next solve.
 * Who may read a portfolio's progress is decided by the route (its markings, in SQL), not here.
 *
 * The solver reports at most four times a second; writes of one solve are chained so they land
 * in order, and a failed write (the database closing under a shutdown) loses only a progress line.
 */
export class OptimizeProgressBoard {
  private readonly mine = new Set<string>();
  private readonly writes = new Map<string, Promise<void>>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /** A solve was asked for; returns its ticket for the calls below. */
  async enter(portfolioId: string, version: number, timeLimit: number): Promise<string> {
    const ticket = randomUUID();
    const at = this.now().toISOString();
    const db = this.database.db;
    await db.deleteFrom('budget_optimize_progress').where('updated_at', '<', this.staleBefore()).execute();
    await db
      .insertInto('budget_optimize_progress')
      .values({
        ticket,
        portfolio_id: portfolioId,
        portfolio_version: version,
        time_limit: timeLimit,
        state: 'queued',
        entered_at: at,
        started_at: null,
        objective: null,
        bound: null,
        gap: null,
        updated_at: at,
      })
      .execute();
    this.mine.add(ticket);
    this.heartbeat ??= setInterval(() => this.refresh(), heartbeatMs).unref();
    return ticket;
  }

  start(ticket: string): void {
    const at = this.now().toISOString();
    this.write(ticket, { state: 'running', started_at: at, updated_at: at });
  }

  update(ticket: string, progress: SolveProgress): void {
    const finite = (value: number | undefined) =>
      value === undefined || !Number.isFinite(value) ? null : value;
    this.write(ticket, {
      objective: finite(progress.objective),
      bound: finite(progress.bound),
      gap: finite(progress.gap),
      updated_at: this.now().toISOString(),
    });
  }

  /** The solve ended (answer, error or overrun): its row goes once the writes before it landed. */
  async leave(ticket: string): Promise<void> {
    this.mine.delete(ticket);
    if (this.mine.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
    await (this.writes.get(ticket) ?? Promise.resolve());
    this.writes.delete(ticket);
    await this.database.db
      .deleteFrom('budget_optimize_progress')
      .where('ticket', '=', ticket)
      .execute()
      .catch(() => undefined);
  }

  /** The newest running solve of the portfolio, else the newest queued one, else idle. */
  async read(portfolioId: string): Promise<OptimizeProgress> {
    const row = await this.database.db
      .selectFrom('budget_optimize_progress')
      .selectAll()
      .where('portfolio_id', '=', portfolioId)
      .where('updated_at', '>=', this.staleBefore())
      .orderBy(sql`case when state = 'running' then 0 else 1 end`)
      .orderBy('entered_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return idle;
    const seconds =
      row.state === 'running' && row.started_at !== null
        ? (this.now().getTime() - Date.parse(row.started_at)) / 1000
        : null;
    return {
      state: row.state,
      version: Number(row.portfolio_version),
      seconds: seconds === null ? null : Math.round(Math.max(0, seconds) * 10) / 10,
      time_limit: Number(row.time_limit),
      objective: row.objective === null ? null : Number(row.objective),
      bound: row.bound === null ? null : Number(row.bound),
      gap: row.gap === null ? null : Number(row.gap),
    };
  }

  private staleBefore(): string {
    return new Date(this.now().getTime() - staleMs).toISOString();
  }

  private write(
    ticket: string,
    values: Partial<{
      state: 'running';
      started_at: string;
      objective: number | null;
      bound: number | null;
      gap: number | null;
      updated_at: string;
    }>,
  ): void {
    if (!this.mine.has(ticket)) return;
    const before = this.writes.get(ticket) ?? Promise.resolve();
    const next = before.then(() =>
      this.database.db
        .updateTable('budget_optimize_progress')
        .set(values)
        .where('ticket', '=', ticket)
        .execute()
        .then(
          () => undefined,
          () => undefined,
        ),
    );
    this.writes.set(ticket, next);
  }

  private refresh(): void {
    const at = this.now().toISOString();
    for (const ticket of this.mine) this.write(ticket, { updated_at: at });
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
