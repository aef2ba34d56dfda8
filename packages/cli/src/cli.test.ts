import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { type Command, CommanderError } from 'commander';
import { buildProgram } from './main.ts';
import { type Run, runVigil, sqliteAt, tempDir } from './testing/run-vigil.ts';

/*
 * The `vigil` command, run as a user runs it: `node packages/cli/bin/vigil.js …` in a child
 * process, on a SQLite file of its own. Each run costs about a second of tsx start-up, so the
 * runs share databases where the story allows it.
 */

const uuidLine = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

const vigil = (args: string[], dbFile: string): Promise<Run> => runVigil(args, sqliteAt(dbFile));

/** Asserts a refusal: exit code 2, nothing on stdout, one `vigil: <flag>: …` line on stderr. */
function assertRefused(run: Run, flag: string) {
  assert.equal(run.code, 2, `expected exit 2, got ${run.code}; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, new RegExp(`^vigil: ${flag.replace(/[-]/g, '\\-')}: .+\n$`));
}

/** The help text a command prints for `--help`, parsed in this process with output captured. */
async function helpOf(path: string[]): Promise<string> {
  const program = await buildProgram();
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
