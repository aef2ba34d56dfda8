import { agencyCreateSchema, userCreateSchema } from '@vigil/core';
import { addAgency, addUser, issueApiToken, loadConfig, openVigilDeps } from '@vigil/server';
import type { Command } from 'commander';
import { parseWith } from '../cli-error.ts';
import { splitList } from '../split-list.ts';

async function withDeps<T>(
  act: (deps: Awaited<ReturnType<typeof openVigilDeps>>['deps']) => Promise<T>,
): Promise<T> {
  const { deps, close } = await openVigilDeps(loadConfig());
  try {
    return await act(deps);
  } finally {
    await close();
  }
}

/** `agency add`, `user add`, `token add`: each prints the new id (or secret) alone on stdout, for scripts. */
export function registerDirectory(program: Command): void {
  program
    .command('agency')
    .description('manage agencies')
    .command('add')
    .description('add an agency; prints its id')
    .requiredOption('--name <name>', 'agency name')
    .requiredOption('--kind <kind>', 'federal, state, local, tribal, territorial, private or ngo')
    .option('--parent <id>', 'parent agency id')
    .option('--fips <codes>', 'jurisdiction as FIPS codes, comma-separated (51, 51710, …)')
    .action(async (options: { name: string; kind: string; parent?: string; fips?: string }) => {
      const input = parseWith(agencyCreateSchema, {
        name: options.name,
        kind: options.kind,
        ...(options.parent ? { parentId: options.parent } : {}),
        ...(options.fips ? { jurisdiction: splitList(options.fips) } : {}),
      });
      const agency = await withDeps((deps) => addAgency(deps, null, input));
      process.stdout.write(`${agency.id}\n`);
    });

  program
    .command('user')
    .description('manage users')
    .command('add')
    .description('add a user; prints its id')
    .requiredOption('--email <e>', 'sign-in e-mail')
    .requiredOption('--password <p>', 'initial password (12 characters or more)')
    .requiredOption('--agency <id>', 'agency id')
    .requiredOption(
      '--role <roles>',
      'roles, comma-separated (admin, director, planner, analyst, operations, …)',
    )
    .option(
      '--attribute <attributes>',
      'attributes, comma-separated (law-enforcement, pii-access, pcii-access, cyber)',
    )
    .option('--name <display name>', 'name shown to others')
    .action(
      async (options: {
        email: string;
        password: string;
        agency: string;
        role: string;
        attribute?: string;
        name?: string;
      }) => {
        const input = parseWith(userCreateSchema, {
          email: options.email,
          password: options.password,
          agencyId: options.agency,
          roles: splitList(options.role),
          attributes: splitList(options.attribute),
          ...(options.name ? { displayName: options.name } : {}),
        });
        const user = await withDeps((deps) => addUser(deps, null, input));
        process.stdout.write(`${user.id}\n`);
      },
    );

  program
    .command('token')
    .description('manage API tokens for machine partners')
    .command('add')
    .description('issue a bearer token for a user; prints the token once (only its hash is stored)')
    .requiredOption('--user <id>', 'user id the token acts as')
    .option('--name <name>', 'what the token is for', 'api')
    .action(async (options: { user: string; name: string }) => {
      const issued = await withDeps((deps) => issueApiToken(deps, null, options.user, options.name));
      process.stdout.write(`${issued.token}\n`);
    });
}
