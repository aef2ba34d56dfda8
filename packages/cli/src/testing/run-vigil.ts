import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `vigil` command run as a user runs it, for the CLI tests: `node packages/cli/bin/vigil.js …`
 * in a child process, logging silenced, with whatever database the test names.
 */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(repoRoot, 'packages', 'cli', 'bin', 'vigil.js');

export type Run = { code: number | null; stdout: string; stderr: string };

export function startVigil(args: string[], env: Record<string, string> = {}): ChildProcess {
  const environment: NodeJS.ProcessEnv = { ...process.env, VIGIL_LOG_LEVEL: 'silent', ...env };
  // The child is a program, not a test file of this run.
  delete environment.NODE_TEST_CONTEXT;
  return spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runVigil(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startVigil(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function sqliteAt(dbFile: string): Record<string, string> {
  return { VIGIL_DATABASE_URL: `sqlite:${dbFile}` };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-cli-test-'));
}
