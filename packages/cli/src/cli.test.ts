import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { type Command, CommanderError } from 'commander';
import { buildProgram } from './main.ts';

/*
 * The `vigil` command, run as a user runs it: `node packages/cli/bin/vigil.js …` in a child
 * process, on a SQLite file of its own. Each run costs about a second of tsx start-up, so the
 * runs share databases where the story allows it.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages', 'cli', 'bin', 'vigil.js');
const uuidLine = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

type Run = { code: number | null; stdout: string; stderr: string };

function environment(dbFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VIGIL_DATABASE_URL: `sqlite:${dbFile}`,
    VIGIL_LOG_LEVEL: 'silent',
  };
  // The child is a program, not a test file of this run.
  delete env.NODE_TEST_CONTEXT;
  return env;
}

function startVigil(args: string[], dbFile: string): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: environment(dbFile),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function vigil(args: string[], dbFile: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = startVigil(args, dbFile);
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

/** Asserts a refusal: exit code 2, nothing on stdout, one `vigil: <flag>: …` line on stderr. */
function assertRefused(run: Run, flag: string) {
  assert.equal(run.code, 2, `expected exit 2, got ${run.code}; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, new RegExp(`^vigil: ${flag.replace(/[-]/g, '\\-')}: .+\n$`));
}

/** The help text a command prints for `--help`, parsed in this process with output captured. */
async function helpOf(path: string[]): Promise<string> {
  const program = buildProgram();
  let out = '';
  const capture = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => {
        out += text;
      },
      writeErr: (text) => {
        out += text;
      },
    });
    for (const sub of command.commands) capture(sub);
  };
  capture(program);
  await assert.rejects(program.parseAsync(['node', 'vigil', ...path, '--help']), (error: unknown) => {
    assert.ok(error instanceof CommanderError);
    assert.equal(error.code, 'commander.helpDisplayed');
    assert.equal(error.exitCode, 0);
    return true;
  });
  return out;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-cli-test-'));
}

describe('vigil --help', () => {
  it('describes the program and lists every command', async () => {
    const dir = tempDir();
    try {
      const run = await vigil(['--help'], join(dir, 'vigil.db'));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Usage: vigil /);
      assert.match(run.stdout, /VIGIL_DATABASE_URL/);
      for (const command of ['serve', 'migrate', 'seed', 'agency', 'user', 'token', 'audit']) {
        assert.match(run.stdout, new RegExp(`\\n  ${command}\\b`), command);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works for a sub-command in a real process: agency add --help', async () => {
    const dir = tempDir();
    try {
      const run = await vigil(['agency', 'add', '--help'], join(dir, 'vigil.db'));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Usage: vigil agency add \[options\]/);
      for (const flag of ['--name', '--kind', '--parent', '--fips'])
        assert.ok(run.stdout.includes(flag), flag);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const commands: { path: string[]; mentions: (string | RegExp)[] }[] = [
    { path: ['serve'], mentions: ['--port', '--host', '--demo', 'VIGIL_PORT'] },
    { path: ['migrate'], mentions: [/migrations/, 'VIGIL_DATABASE_URL'] },
    { path: ['seed'], mentions: ['--demo'] },
    { path: ['agency', 'add'], mentions: ['--name', '--kind', '--parent', '--fips', /ngo/] },
    {
      path: ['user', 'add'],
      mentions: ['--email', '--password', '--agency', '--role', '--attribute', '--name', /12 characters/],
    },
    { path: ['token', 'add'], mentions: ['--user', '--name'] },
    { path: ['audit', 'verify'], mentions: [/exit 0 when intact, 3 naming the first bad entry/] },
  ];
  for (const { path, mentions } of commands) {
    it(`works for ${path.join(' ')} and mentions its flags`, async () => {
      const help = await helpOf(path);
      assert.match(help, new RegExp(`^Usage: vigil ${path.join(' ')} \\[options\\]`));
      for (const mention of mentions) {
        if (typeof mention === 'string') assert.ok(help.includes(mention), `${mention} in:\n${help}`);
        else assert.match(help, mention);
      }
    });
  }
});

describe('vigil migrate, agency add, user add, token add (one database)', () => {
  let dir: string;
  let db: string;
  let stateId: string;
  let userId: string;

  before(() => {
    dir = tempDir();
    db = join(dir, 'vigil.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate applies the schema to a fresh database', async () => {
    const run = await vigil(['migrate'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^applied \d{4}-/);
  });

  it('migrate again finds nothing to do', async () => {
    const run = await vigil(['migrate'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'schema is up to date\n');
  });

  it('agency add prints only the new id', async () => {
    const run = await vigil(
      ['agency', 'add', '--name', 'Virginia VDEM', '--kind', 'state', '--fips', '51'],
      db,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, uuidLine);
    stateId = run.stdout.trim();
  });

  it('agency add refuses an unknown kind, naming --kind', async () => {
    assertRefused(await vigil(['agency', 'add', '--name', 'Bogus Office', '--kind', 'bogus'], db), '--kind');
  });

  it('agency add refuses a 4-digit FIPS code, naming --fips', async () => {
    const run = await vigil(['agency', 'add', '--name', 'Bad FIPS', '--kind', 'local', '--fips', '5171'], db);
    assertRefused(run, '--fips');
  });

  it('agency add accepts a child agency under an existing parent', async () => {
    const run = await vigil(
      ['agency', 'add', '--name', 'Norfolk OEM', '--kind', 'local', '--fips', '51710', '--parent', stateId],
      db,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, uuidLine);
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      const row = sqlite
        .prepare('select parent_id, jurisdiction from agencies where id = ?')
        .get(run.stdout.trim());
      assert.deepEqual(row, { parent_id: stateId, jurisdiction: JSON.stringify(['51710']) });
    } finally {
      sqlite.close();
    }
  });

  it('agency add refuses an unknown parent', async () => {
    const run = await vigil(
      ['agency', 'add', '--name', 'Orphan OEM', '--kind', 'local', '--parent', 'no-such-agency'],
      db,
    );
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^vigil: .*parent.*no-such-agency.*\n$/i);
  });

  it('user add prints only the new id, with the roles and attributes given', async () => {
    const run = await vigil(
      [
        'user',
        'add',
        '--email',
        'Planner@VDEM.Virginia.Gov',
        '--password',
        'correct-horse-battery',
        '--agency',
        stateId,
        '--role',
        'planner,analyst',
        '--attribute',
        'law-enforcement',
      ],
      db,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, uuidLine);
    userId = run.stdout.trim();
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      const row = sqlite
        .prepare('select email, agency_id, roles, attributes, password_hash from users where id = ?')
        .get(userId) as Record<string, string>;
      assert.equal(row.email, 'planner@vdem.virginia.gov');
      assert.equal(row.agency_id, stateId);
      assert.deepEqual(JSON.parse(row.roles ?? ''), ['planner', 'analyst']);
      assert.deepEqual(JSON.parse(row.attributes ?? ''), ['law-enforcement']);
      assert.ok(!row.password_hash?.includes('correct-horse-battery'), 'the password is stored hashed');
    } finally {
      sqlite.close();
    }
  });

  it('user add refuses an unknown role, naming --role', async () => {
    const run = await vigil(
      [
        'user',
        'add',
        '--email',
        'w@vdem.gov',
        '--password',
        'correct-horse-battery',
        '--agency',
        stateId,
      ].concat(['--role', 'planner,wizard']),
      db,
    );
    assertRefused(run, '--role');
  });

  it('user add refuses a password under 12 characters, naming --password', async () => {
    const run = await vigil(
      [
        'user',
        'add',
        '--email',
        's@vdem.gov',
        '--password',
        'too-short',
        '--agency',
        stateId,
        '--role',
        'viewer',
      ],
      db,
    );
    assertRefused(run, '--password');
  });

  it('token add prints a vgl_ token once and stores only its hash', async () => {
    const run = await vigil(['token', 'add', '--user', userId, '--name', 'fusion-center-feed'], db);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^vgl_[A-Za-z0-9_-]{20,}\n$/);
    const token = run.stdout.trim();
    const sqlite = new Sqlite(db, { readonly: true });
    try {
      const rows = sqlite.prepare('select user_id, name, token_hash from api_tokens').all() as Record<
        string,
        string
      >[];
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.user_id, userId);
      assert.equal(rows[0]?.name, 'fusion-center-feed');
      assert.notEqual(rows[0]?.token_hash, token);
      assert.ok(!rows[0]?.token_hash?.includes(token.slice(4)));
    } finally {
      sqlite.close();
    }
  });
});

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
    const child = startVigil(['serve', '--port', '0', '--demo'], join(dir, 'vigil.db'));
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
