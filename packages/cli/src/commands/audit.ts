import { loadConfig, openVigilDeps, verifyStoredJournal } from '@vigil/server';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('the hash-chained journal')
    .command('verify')
    .description('recompute the hash chain; exit 0 when intact, 3 naming the first bad entry otherwise')
    .action(async () => {
      // Migrating first makes a fresh database answer "intact, 0 entries" instead of a missing table.
      const { deps, close } = await openVigilDeps(loadConfig());
      const bar = new SingleBar({
        format: 'verifying [{bar}] {value}/{total} entries',
        stream: process.stderr,
      });
      try {
        let started = false;
        const verdict = await verifyStoredJournal(deps.database.db, (seq, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          if (seq % 500 === 0 || seq === total) bar.update(seq);
        });
        bar.stop();
        if (!verdict.ok) {
          throw new CliError(
            `journal broken at entry ${verdict.break.seq}: ${verdict.break.reason} (${verdict.break.detail}); ${verdict.entries} entries before it verified`,
            3,
          );
        }
        process.stdout.write(
          `journal intact: ${verdict.entries} entries, head ${verdict.headHash.slice(0, 16)}…\n`,
        );
      } finally {
        bar.stop();
        await close();
      }
    });
}
