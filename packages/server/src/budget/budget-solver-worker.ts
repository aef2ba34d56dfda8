import { parentPort } from 'node:worker_threads';
import {
  explainChoice,
  loadHighs,
  optimizePortfolio,
  type SolveProgress,
  traceFrontier,
} from '@vigil/core/budget';
import type { BudgetTask } from './budget-solver.ts';

/**
 * Runs HiGHS off the main thread: a solve may take minutes of pure computation, and on the
 * request thread it would hold every other user's request for that long. One worker is kept
 * warm, so the WebAssembly is compiled once and each solve starts at once.
 */
async function run(task: BudgetTask, onProgress?: (progress: SolveProgress) => void): Promise<unknown> {
  switch (task.kind) {
    case 'optimize':
      return optimizePortfolio(task.portfolio, {
        timeLimit: task.timeLimit,
        mipRelGap: task.mipRelGap,
        clock: () => performance.now(),
        ...(onProgress ? { onProgress } : {}),
      });
    case 'why-not':
      return explainChoice(task.portfolio, task.optimum, task.investmentId);
    case 'frontier':
      return traceFrontier(task.portfolio, {
        ...(task.scales ? { scales: task.scales } : {}),
        timeLimit: task.timeLimit,
      });
  }
}

// Load the solver as soon as the thread starts, before the first task arrives.
void loadHighs().then(() => parentPort?.postMessage({ ready: true }));

parentPort?.on('message', async (message: { id: number; task: BudgetTask; progress?: boolean }) => {
  // Progress crosses to the main thread as it comes (HiGHS thins it to a few a second).
  const onProgress = message.progress
    ? (progress: SolveProgress) => parentPort?.postMessage({ id: message.id, progress })
    : undefined;
  try {
    parentPort?.postMessage({ id: message.id, ok: true, value: await run(message.task, onProgress) });
  } catch (error) {
    const e = error as { name?: string; code?: string; message?: string; field?: string };
    parentPort?.postMessage({
      id: message.id,
      ok: false,
      error: { name: e.name, code: e.code, message: e.message, field: e.field },
    });
  }
});
