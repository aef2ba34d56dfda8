import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

export type Child<Ready> = {
  ready: Ready;
  /** Sends a message and waits for the next reply of the given type. */
  ask<Reply extends { type: string }>(message: object, replyType: Reply['type']): Promise<Reply>;
  /** Asks the child to close its server and waits for it to exit (killed after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
};

function nextMessage<T extends { type: string }>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type) {
        cleanup();
        resolve(message as T);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server process exited (code ${code}) before sending "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * Forks `file` (TypeScript, run through tsx) as a server process of its own, so the
 * server under test and the load generator do not share one event loop.
 */
export async function startChild<Ready extends { type: 'ready' }>(
  file: URL,
  init: object,
  execArgv: readonly string[] = [],
): Promise<Child<Ready>> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = nextMessage<Ready>(child, 'ready');
  child.send(init);
  try {
    return {
      ready: await ready,
      ask: <Reply extends { type: string }>(message: object, replyType: Reply['type']) => {
        const reply = nextMessage<Reply>(child, replyType);
        child.send(message);
        return reply;
      },
      async stop(graceMs = 10_000) {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        if (child.connected) child.send({ type: 'stop' });
        else child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** In a forked server: the first message of `type` from the parent. */
export function parentMessage<T extends { type: string }>(type: T['type']): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type) {
        process.off('message', onMessage);
        resolve(message as T);
      }
    };
    process.on('message', onMessage);
  });
}

/** In a forked server: sends one message to the parent. */
export function tellParent(message: object): void {
  process.send?.(message);
}
