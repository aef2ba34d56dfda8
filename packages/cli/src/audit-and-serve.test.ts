import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { runVigil, sqliteAt, startVigil, tempDir } from './testing/run-vigil.ts';

/* `vigil seed --demo`, `vigil audit verify` against a tampered journal, and `vigil serve`, in real processes. */

const vigil = (args: string[], dbFile: string) => runVigil(args, sqliteAt(dbFile));

describe('vigil seed --demo and audit verify', () => {
  let dir: string;
  let db: string;

  before(() => {
    dir = tempDir();
    db = join(dir, 'vigil.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the seeded database, to tamper with. */
  function copyOfSeeded(name: string): string {
    const copy = join(dir, `${name}.db`);
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      sqlite.prepare('vacuum into ?').run(copy);
    } finally {
      sqlite.close();
    }
    return copy;
  }

  function tamper(file: string, statements: string[]) {
    const sqlite = new Sqlite(file);
    try {
      for (const statement of statements) sqlite.exec(statement);
    } finally {
      sqlite.close();
    }
  }

  it('seeds the Virginia demo into a fresh database', async () => {
    const run = await vigil(['seed', '--demo'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^seeded [1-9]\d* agencies, [1-9]\d* users, [1-9]\d* bulletins\n$/);
  });

  it('seeds nothing the second time', async () => {
    const run = await vigil(['seed', '--demo'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /nothing seeded/);
  });

  it('audit verify finds the seeded journal intact', async () => {
    const sqlite = new Sqlite(db, { readonly: true });
    const { entries } = sqlite.prepare('select count(*) as entries from journal').get() as {
      entries: number;
    };
    sqlite.close();
    assert.ok(entries >= 6, `the demo journals every record (${entries} entries)`);

    const run = await vigil(['audit', 'verify'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^journal intact: ${entries} entries, head [0-9a-f]{16}…\n$`));
  });

  it('audit verify names the first altered entry: an edit, a deletion, a reordering', async () => {
    const edited = copyOfSeeded('edited');
    tamper(edited, ["update journal set action = 'x' where seq = 3"]);
    const deleted = copyOfSeeded('deleted');
    tamper(deleted, ['delete from journal where seq = 5']);
    const reordered = copyOfSeeded('reordered');
    tamper(reordered, [
      'update journal set seq = -1 where seq = 4',
      'update journal set seq = 4 where seq = 6',
      'update journal set seq = 6 where seq = -1',
    ]);

    const [edit, deletion, reordering] = await Promise.all([
      vigil(['audit', 'verify'], edited),
      vigil(['audit', 'verify'], deleted),
      vigil(['audit', 'verify'], reordered),
    ]);

    assert.equal(edit.code, 3, edit.stderr);
    assert.equal(edit.stdout, '');
    assert.match(edit.stderr, /journal broken at entry 3: hash-mismatch/);
    assert.match(edit.stderr, /2 entries before it verified/);

    assert.equal(deletion.code, 3, deletion.stderr);
    assert.match(deletion.stderr, /journal broken at entry 6: sequence-gap \(expected entry 5, found 6\)/);

    assert.equal(reordering.code, 3, reordering.stderr);
    assert.match(reordering.stderr, /journal broken at entry 4: /);
  });
});

describe('vigil serve', () => {
  it('serves the API on the port it was given (0: any free port) until SIGTERM', async () => {
    const dir = tempDir();
    const child = startVigil(['serve', '--port', '0', '--demo'], sqliteAt(join(dir, 'vigil.db')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        const timer = setTimeout(
          () => reject(new Error(`no start-up line in 30 s; stderr: ${stderr}`)),
          30_000,
        );
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const running = /Vigil is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (running?.[1]) {
            clearTimeout(timer);
            resolve(running[1]);
          }
        });
        void exited.then(({ code }) => {
          clearTimeout(timer);
          reject(new Error(`serve exited (${code}) before listening; stderr: ${stderr}`));
        });
      });
      assert.doesNotMatch(base, /:0\/$/, 'prints the port actually bound');

      const response = await fetch(new URL('api/v1/health', base));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', database: 'sqlite' });

      child.kill('SIGTERM');
      const { code, signal } = await exited;
      assert.ok(code === 0 || signal === 'SIGTERM', `exit ${code}, signal ${signal}`);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
