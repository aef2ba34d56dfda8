import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '@vigil/core/errors';

export type StandardsTask =
  | { kind: 'cap'; bytes: Uint8Array; strict: boolean; ipaws: boolean }
  /** Many documents in one message (a folder of alerts): one round trip instead of one per file; verdicts without the alert models. */
  | { kind: 'cap-batch'; documents: Uint8Array[]; strict: boolean; ipaws: boolean }
  /** Files on this machine (the CLI), read by the worker: see validateCapFiles. */
  | { kind: 'cap-files'; paths: string[]; strict: boolean; ipaws: boolean }
  | { kind: 'stix'; bytes: Uint8Array }
  | { kind: 'edxl'; bytes: Uint8Array };

type Pending = { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout };
type Slot = { worker: Worker; busy: Map<number, Pending> };

const entry = new URL('./standards-worker-entry.js', import.meta.url);

/**
 * A small pool of worker threads for parsing and validating outside documents. A task that
 * runs past `timeoutMs` is refused (`timeout`) and its worker replaced, so a pathological
 * document costs one worker, never the server.
 */
export class StandardsPool {
  private slots: Slot[] = [];
  private next = 0;
  private sequence = 0;
  constructor(
    private readonly size = 2,
    private readonly timeoutMs = 10_000,
  ) {}

  private spawn(index: number): Slot {
    const worker = new Worker(entry);
    const slot: Slot = { worker, busy: new Map() };
    worker.on(
      'message',
      (message: { id: number; ok: boolean; value?: unknown; error?: Record<string, string> }) => {
        const pending = slot.busy.get(message.id);
        if (!pending) return;
        slot.busy.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(reviveError(message.error ?? {}));
      },
    );
    worker.on('error', (error) => this.fail(slot, index, error));
    worker.on('exit', () => this.fail(slot, index, new Error('standards worker stopped')));
    worker.unref();
    this.slots[index] = slot;
    return slot;
  }

  private fail(slot: Slot, index: number, error: Error): void {
    for (const pending of slot.busy.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    slot.busy.clear();
    if (this.slots[index] === slot) this.slots[index] = undefined as unknown as Slot;
  }

  run<T>(task: StandardsTask): Promise<T> {
    const index = this.next++ % this.size;
    const slot = this.slots[index] ?? this.spawn(index);
    const id = ++this.sequence;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        slot.busy.delete(id);
        // Same shape as core's refuseInput; that module is not imported here because it would load libxml2 on the main thread.
        reject(
          new DomainError(
            'VALIDATION_FAILED',
            `timeout: the document took longer than ${this.timeoutMs} ms to read`,
            { field: 'body' },
          ),
        );
        // The worker may be stuck in that document: replace it; its other tasks fail and are retried by callers.
        void slot.worker.terminate();
      }, this.timeoutMs);
      slot.busy.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      slot.worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.filter(Boolean).map((slot) => slot.worker.terminate()));
    this.slots = [];
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
  return new Error(error.message ?? 'standards worker failed');
}

/** One pool per process, started on first use. */
let shared: StandardsPool | null = null;
export function standardsPool(): StandardsPool {
  shared ??= new StandardsPool();
  return shared;
}
