import { createVigil, loadConfig, seedDemo } from '@vigil/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the Vigil server (HTTP API, live events) on the database named by VIGIL_DATABASE_URL')
    .option('--port <n>', 'port to listen on (VIGIL_PORT, default 8080)')
    .option('--host <h>', 'address to listen on (VIGIL_HOST, default 127.0.0.1)')
    .option('--demo', 'seed the Virginia demo data when the database is empty')
    .action(async (options: { port?: string; host?: string; demo?: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined ? { VIGIL_PORT: options.port } : {}),
        ...(options.host !== undefined ? { VIGIL_HOST: options.host } : {}),
      });
      const vigil = await createVigil(config);
      let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
      if (options.demo) demo = await seedDemo(vigil.deps, config.demoPassword);
      try {
        await vigil.app.listen({ port: config.port, host: config.host });
      } catch (error) {
        await vigil.close();
        throw new CliError(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`, 1);
      }
      const address = vigil.app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const lines = [
        `Vigil is running at http://${host}:${port}/  (database: ${vigil.deps.database.description})`,
        `API docs: http://${host}:${port}/api/docs`,
      ];
      if (demo) {
        lines.push(demo.seeded ? 'Seeded the Virginia demo.' : 'Demo data already present.');
        lines.push('Demo sign-ins (password from VIGIL_DEMO_PASSWORD, default vigil-demo-2026):');
        for (const user of demo.users)
          lines.push(`  ${user.email.padEnd(28)} ${user.roles.join(',')} · ${user.agency}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = async () => {
        await vigil.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise(() => {});
    });
}
