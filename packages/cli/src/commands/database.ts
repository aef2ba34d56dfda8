import { loadConfig, migrateToLatest, openDatabase, openVigilDeps, seedDemo } from '@vigil/server';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function registerDatabase(program: Command): void {
  program
    .command('migrate')
    .description('apply the numbered schema migrations to VIGIL_DATABASE_URL')
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        const applied = await migrateToLatest(database.db);
        process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'schema is up to date\n');
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description('load seed data into an empty database')
    .option('--demo', 'the Virginia demo: agencies, one user per role, marked bulletins')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) throw new CliError('say which seed: --demo');
      const config = loadConfig();
      const { deps, close } = await openVigilDeps(config);
      const bar = new SingleBar({ format: 'seeding [{bar}] {value}/{total}', stream: process.stderr });
      try {
        let started = false;
        const result = await seedDemo(deps, config.demoPassword, (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        });
        bar.stop();
        process.stdout.write(
          result.seeded
            ? `seeded ${Object.keys(result.agencies).length} agencies, ${result.users.length} users, ${result.bulletins} bulletins\n`
            : 'the database already has agencies; nothing seeded\n',
        );
      } finally {
        await close();
      }
    });
}
