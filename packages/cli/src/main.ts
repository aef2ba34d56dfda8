import { Command, CommanderError } from 'commander';
import { describeError } from './cli-error.ts';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when needed: the modules behind `serve`, `audit` or `stix` load
 * the whole server (about 1.5 s through tsx), which `vigil cap validate` has no use for. Listed in
 * the order `vigil --help` shows them.
 */
const commandModules: [names: string[], load: () => Promise<Register>][] = [
  [['serve'], async () => (await import('./commands/serve.ts')).registerServe],
  [['migrate', 'seed'], async () => (await import('./commands/database.ts')).registerDatabase],
  [['agency', 'user', 'token'], async () => (await import('./commands/directory.ts')).registerDirectory],
  [['audit'], async () => (await import('./commands/audit.ts')).registerAudit],
  [['budget'], async () => (await import('./commands/budget.ts')).registerBudget],
  [['cap'], async () => (await import('./commands/cap.ts')).registerCap],
  [['stix'], async () => (await import('./commands/stix.ts')).registerStix],
  [['edxl'], async () => (await import('./commands/edxl.ts')).registerEdxl],
  [['risk'], async () => (await import('./commands/risk.ts')).registerRisk],
  [['infra'], async () => (await import('./commands/infra.ts')).registerInfra],
  [['resources'], async () => (await import('./commands/resources.ts')).registerResources],
];

/** The program with every command, or only `command`'s when it names one (help and errors need them all). */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command('vigil')
    .description(
      'Vigil: operations platform for a homeland security office and its partner agencies.\nThe database is VIGIL_DATABASE_URL (default sqlite:./var/vigil.db).',
    )
    .showHelpAfterError()
    .exitOverride();
  const one = commandModules.find(([names]) => command !== undefined && names.includes(command));
  for (const [, load] of one ? [one] : commandModules) (await load())(program);
  return program;
}

/** Runs one command and answers its exit code; errors are one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv[2]);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const { message, exitCode } = describeError(error);
    process.stderr.write(`vigil: ${message}\n`);
    return exitCode;
  }
}
