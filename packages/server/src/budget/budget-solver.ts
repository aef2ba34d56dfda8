import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode, type OptimizationResult, type Portfolio } from '@vigil/core';
import type { SolveProgress } from '@vigil/core/budget';

export type BudgetTask =
  | { kind: 'optimize'; portfolio: Portfolio; timeLimit: number; mipRelGap: number }
  | {
      kind: 'why-not';
      portfolio: Portfolio;
      optimum: Pick<OptimizationResult, 'objective' | 'selected'>;
      investmentId: string;
    }
  | { kind: 'frontier'; portfolio: Portfolio; scales?: number[]; timeLimit: number };

type Job = {
  task: BudgetTask;
  /** Wall-clock budget once the worker starts the task; past it the worker is stopped. */
  limitMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
} & SolveHooks;

/** Told when the worker takes the task, and where its search stands while it runs. */
export type SolveHooks = {
  onStart?: () => void;
  onProgress?: (progress: SolveProgress) => void;
};

type Reply = { id: number; ok: boolean; value?: unknown; error?: Record<string, string> };
type ProgressNote = { id: number; progress: SolveProgress };

const defaultEntry = new URL('./budget-solver-worker-entry.js', import.meta.url);

/**
 * One warm worker thread for every optimizer solve (optimize, why-not, frontier). HiGHS as
 * WebAssembly is single-threaded and the machine has two cores, so solves run one at a time
 * from a FIFO queue while the request thread stays free. A task that runs past its limit, or a
 * worker that dies, answers a problem (never a hung request) and the next task gets a new worker.
 */
export class BudgetSolver {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: { id: number; job: Job; timer: NodeJS.Timeout } | undefined;
  private sequence = 0;

  constructor(private readonly options: { entry?: URL; maxQueued?: number } = {}) {}

  /** Starts the worker (and its WebAssembly) ahead of the first solve. */
  warm(): void {
    this.ensureWorker();
  }

  /** Tasks waiting behind the running one. */
  get queued(): number {
    return this.queue.length;
  }

  run<T>(task: BudgetTask, limitMs: number, hooks: SolveHooks = {}): Promise<T> {
    const maxQueued = this.options.maxQueued ?? 16;
    if (this.queue.length >= maxQueued) {
      return Promise.reject(
        new DomainError(
          'INVALID_STATE',
          `the budget optimizer is busy (${this.queue.length} solves waiting); try again later`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, limitMs, resolve: resolve as (value: unknown) => void, reject, ...hooks });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const job of this.queue.splice(0))
      job.reject(new DomainError('INTERNAL', 'the budget optimizer was stopped'));
    if (this.current)
      this.finish(this.current.id)?.reject(new DomainError('INTERNAL', 'the budget optimizer was stopped'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.entry ?? defaultEntry);
    worker.on('message', (message: Reply | ProgressNote | { ready: true }) => {
      if (!('id' in message)) return;
      if ('progress' in message) {
        if (this.current?.id === message.id) this.current.job.onProgress?.(message.progress);
        return;
      }
      const job = this.finish(message.id);
      if (!job) return;
      if (message.ok) job.resolve(message.value);
      else job.reject(reviveError(message.error ?? {}));
      this.pump();
    });
    worker.on('error', (error) => this.lost(worker, `it failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `it stopped (exit code ${code})`));
    // A warm idle worker must not keep the process alive; a running solve does (see pump).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(id: number): Job | undefined {
    if (!this.current || this.current.id !== id) return undefined;
    const { job, timer } = this.current;
    clearTimeout(timer);
    this.current = undefined;
    this.worker?.unref();
    return job;
  }

  /** The worker died: its task answers a problem, the queue moves on with a fresh worker. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.current) {
      this.finish(this.current.id)?.reject(
        new DomainError(
          'INTERNAL',
          `the budget optimizer stopped during the solve (${why}); the request was not completed, try again`,
        ),
      );
    }
    this.pump();
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.ensureWorker();
    const id = ++this.sequence;
    const timer = setTimeout(() => {
      if (this.current?.id !== id) return;
      this.current = undefined;
      this.worker = undefined;
      job.reject(
        new DomainError(
          'INTERNAL',
          `the budget optimizer overran its limit of ${Math.round(job.limitMs / 1000)} s and was stopped; try a shorter time limit`,
        ),
      );
      // HiGHS cannot be interrupted from outside: stopping the thread is the only way to free the core.
      void worker.terminate();
      this.pump();
    }, job.limitMs);
    this.current = { id, job, timer };
    worker.ref();
    worker.postMessage({ id, task: job.task, progress: job.onProgress !== undefined });
    job.onStart?.();
  }
}

function reviveError(error: Record<string, string>): Error {
  if (error.name === 'DomainError' && error.code) {
    return new DomainError(
      error.code as ErrorCode,
      error.message ?? 'refused',
      error.field ? { field: error.field } : {},
    );
  }
  if (error.name === 'RangeError') return new DomainError('VALIDATION_FAILED', error.message ?? 'refused');
  return new DomainError('INTERNAL', `the budget optimizer failed: ${error.message ?? 'unknown error'}`);
}

/** One solver per process, its worker started on first use and kept warm. */
let shared: BudgetSolver | null = null;
export function budgetSolver(): BudgetSolver {
  shared ??= new BudgetSolver();
  return shared;
}
