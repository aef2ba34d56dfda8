import { idleOptimizeProgress as idle, type OptimizeProgress, type SolveProgress } from '@vigil/core/budget';

type Entry = {
  portfolioId: string;
  /** The version being solved: after a save, a page of the new version is not shown the old solve. */
  version: number;
  timeLimit: number;
  state: 'queued' | 'running';
  /** Clock reading when the worker took the solve (ms, performance.now). */
  startedAt: number | undefined;
  last: SolveProgress | undefined;
};

/**
 * The optimizer runs that this process has in hand, by portfolio: what the progress route
 * answers while a user waits for a plan. Only a view of work in flight: nothing here is a
 * record (the run and its journal entry are written when the solve ends), so a restart
 * losing it loses nothing. Who may read an entry is decided by the route (the portfolio's
 * markings, in SQL), not here.
 */
export class OptimizeProgressBoard {
  private readonly entries = new Map<number, Entry>();
  private sequence = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** A solve was asked for; returns its ticket for the calls below. */
  enter(portfolioId: string, version: number, timeLimit: number): number {
    const ticket = ++this.sequence;
    this.entries.set(ticket, {
      portfolioId,
      version,
      timeLimit,
      state: 'queued',
      startedAt: undefined,
      last: undefined,
    });
    return ticket;
  }

  start(ticket: number): void {
    const entry = this.entries.get(ticket);
    if (!entry) return;
    entry.state = 'running';
    entry.startedAt = this.clock();
  }

  update(ticket: number, progress: SolveProgress): void {
    const entry = this.entries.get(ticket);
    if (entry) entry.last = progress;
  }

  leave(ticket: number): void {
    this.entries.delete(ticket);
  }

  /** The newest running solve of the portfolio, else the newest queued one, else idle. */
  read(portfolioId: string): OptimizeProgress {
    let pick: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.portfolioId !== portfolioId) continue;
      if (!pick || entry.state === 'running' || pick.state === 'queued') pick = entry;
    }
    if (!pick) return idle;
    const finite = (value: number | undefined) =>
      value === undefined || !Number.isFinite(value) ? null : value;
    const seconds =
      pick.state === 'running' && pick.startedAt !== undefined
        ? (this.clock() - pick.startedAt) / 1000
        : null;
    return {
      state: pick.state,
      version: pick.version,
      seconds: seconds === null ? null : Math.round(seconds * 10) / 10,
      time_limit: pick.timeLimit,
      objective: finite(pick.last?.objective),
      bound: finite(pick.last?.bound),
      gap: finite(pick.last?.gap),
    };
  }
}

/** One board per process, beside the one solver it reports on. */
let shared: OptimizeProgressBoard | null = null;
export function optimizeProgressBoard(): OptimizeProgressBoard {
  shared ??= new OptimizeProgressBoard();
  return shared;
}
