import { readFileSync } from 'node:fs';
import { checkStixBundle } from '@vigil/core/standards/stix';
import {
  collectionForCli,
  exportVisibleStix,
  importStixBundle,
  loadConfig,
  openVigilDeps,
  viewerForUser,
} from '@vigil/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

/** `vigil stix import <bundle.json>` and `vigil stix export [--type …]`, acting as a named user. */
export function registerStix(program: Command): void {
  const stix = program
    .command('stix')
    .description('STIX 2.1 bundles, stored in TAXII collections under their TLP markings');

  stix
    .command('import')
    .description(
      'validate a bundle and store its valid objects in a collection; prints the TAXII status as JSON',
    )
    .argument('<bundle>', 'a STIX 2.1 bundle (JSON)')
    .requiredOption('--user <id|email>', 'who imports (their agency owns the markings)')
    .requiredOption('--collection <id|alias>', 'TAXII collection to store into')
    .action(async (file: string, options: { user: string; collection: string }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      let verdict: ReturnType<typeof checkStixBundle>;
      try {
        verdict = checkStixBundle(bytes);
      } catch (error) {
        // A refused document (duplicate keys, __proto__, too deep …) names the file, not the API's `body`.
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      if (verdict.errors.length) {
        throw new CliError(`${file}: ${verdict.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      }
      const { deps, close } = await openVigilDeps(loadConfig());
      try {
        const viewer = await viewerForUser(deps, options.user);
        const collection = await collectionForCli(deps, viewer, options.collection);
        const status = await importStixBundle(deps, viewer, collection, verdict);
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        if (status.failure_count)
          throw new CliError(`${status.failure_count} object(s) invalid, not stored`, 1);
      } finally {
        await close();
      }
    });

  stix
    .command('export')
    .description(
      'print a STIX 2.1 bundle of what the user may see (agencies as identities, latest object versions)',
    )
    .requiredOption('--user <id|email>', 'whose view to export (markings apply)')
    .option('--type <types>', 'STIX types, comma-separated (identity, indicator, vulnerability, …)')
    .action(async (options: { user: string; type?: string }) => {
      const { deps, close } = await openVigilDeps(loadConfig());
      try {
        const viewer = await viewerForUser(deps, options.user);
        const types = (options.type ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        process.stdout.write(`${JSON.stringify(await exportVisibleStix(deps, viewer, types), null, 2)}\n`);
      } finally {
        await close();
      }
    });
}
