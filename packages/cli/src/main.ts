import { Command, CommanderError } from 'commander';
import { describeError } from './cli-error.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBudget } from './commands/budget.ts';
import { registerCap } from './commands/cap.ts';
import { registerDatabase } from './commands/database.ts';
import { registerDirectory } from './commands/directory.ts';
import { registerEdxl } from './commands/edxl.ts';
import { registerInfra } from './commands/infra.ts';
import { registerResources } from './commands/resources.ts';
import { registerRisk } from './commands/risk.ts';
import { registerServe } from './commands/serve.ts';
import { registerStix } from './commands/stix.ts';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description(
      'Vigil: operations platform for a homeland security office and its partner agencies.\nThe database is VIGIL_DATABASE_URL (default sqlite:./var/vigil.db).',
    )
    .showHelpAfterError()
    .exitOverride();
  registerServe(program);
  registerDatabase(program);
  registerDirectory(program);
  registerAudit(program);
  registerBudget(program);
  registerCap(program);
  registerStix(program);
  registerEdxl(program);
  registerRisk(program);
  registerInfra(program);
  registerResources(program);
  return program;
}

/** Runs one command and answers its exit code; errors are one line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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
