import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  explainChoice,
  isDomainError,
  type OptimizationResult,
  optimizePortfolio,
  type Portfolio,
  parsePortfolio,
  type SolveProgress,
  traceFrontier,
} from '@vigil/core';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

/** 64 MiB holds a 20,000-investment portfolio several times over. */
const maxBytes = 64 * 1024 * 1024;
/** JSON nesting of a portfolio is 5 deep; anything far deeper is not a portfolio. */
const maxDepth = 12;

function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

/** Reads and checks a portfolio file; a refusal names the file and the field. */
export function readPortfolioFile(path: string): Portfolio {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`--input: cannot read ${path}`);
  }
  if (size > maxBytes) throw new CliError(`--input: ${path} is larger than ${maxBytes} bytes`);
  const text = readFileSync(path, 'utf8');
  if (depthOf(text) > maxDepth) throw new CliError(`--input: ${path} nests deeper than ${maxDepth} levels`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `--input: ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    return parsePortfolio(json);
  } catch (error) {
    if (isDomainError(error)) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

function positive(name: string, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new CliError(`${name}: a number in (0, ${max}]`);
    return n;
  };
}

const money = (value: number | undefined) =>
  value === undefined ? '–' : `$${(value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 3 })}M`;

/**
 * On a terminal, a bar of the time limit with the best plan, the proven bound and the gap as
 * the search finds them; a long solve is otherwise a silent minute. Not on pipes and files.
 */
export function searchProgressBar(
  stream: NodeJS.WriteStream,
  timeLimit: number,
): { onProgress?: (progress: SolveProgress) => void; stop: () => void } {
  if (!stream.isTTY) return { stop: () => {} };
  const bar = new SingleBar({
    format: 'searching [{bar}] {value}/{total} s | best {best} | bound {bound} | gap {gap}',
    stream,
    // HiGHS holds this thread: a Ctrl-C ends the process before anything could show a hidden cursor again.
    hideCursor: false,
  });
  let started = false;
  return {
    onProgress: (progress) => {
      const payload = {
        best: money(progress.objective),
        bound: money(progress.bound),
        gap: progress.gap === undefined ? '–' : `${(progress.gap * 100).toFixed(3)} %`,
      };
      const value = Math.min(timeLimit, Math.round(progress.seconds));
      if (!started) bar.start(timeLimit, value, payload);
      else bar.update(value, payload);
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** The issue's JSON shape first ({status, objective, gap, selected, binding}), then the rest. */
function printable(result: OptimizationResult) {
  return {
    status: result.status,
    objective: result.objective,
    gap: result.gap,
    selected: result.selected.map((item) => ({ id: item.id, funding: item.funding })),
    binding: result.binding,
    bound: result.bound,
    lp_bound: result.lp_bound,
    seconds: result.seconds,
    rules_satisfied: result.rules_satisfied,
    conflicts: result.conflicts,
    marginal_values: result.marginal_values,
    greedy: result.greedy,
    allocation: result.allocation,
  };
}

export function registerBudget(program: Command): void {
  const budget = program
    .command('budget')
    .description('grant portfolios: optimal allocation under grant rules');
  budget
    .command('optimize')
    .description(
      'choose investments and split their funding to maximize benefit under every rule (HiGHS);\nprints JSON {status, objective, gap, selected:[{id, funding}], binding, …} on stdout',
    )
    .requiredOption('--input <file>', 'portfolio JSON (format: docs/modules/budget.md)')
    .option('--time-limit <seconds>', 'solver time limit (default 60)', positive('--time-limit', 3600), 60)
    .option(
      '--gap <fraction>',
      'stop once proven within this relative gap (default 1e-6)',
      positive('--gap', 1),
      1e-6,
    )
    .option('--why-not <id...>', 'also force these investments the other way and report the benefit change')
    .option('--frontier', 'also trace the efficient frontier (all sources scaled 25 %–150 %)')
    .option('--output <file>', 'write the JSON there instead of stdout')
    .action(
      async (options: {
        input: string;
        timeLimit: number;
        gap: number;
        whyNot?: string[];
        frontier?: boolean;
        output?: string;
      }) => {
        const portfolio = readPortfolioFile(options.input);
        for (const id of options.whyNot ?? []) {
          if (!portfolio.investments.some((inv) => inv.id === id))
            throw new CliError(`--why-not: no investment ${id}`);
        }
        process.stderr.write(
          `optimizing ${portfolio.investments.length} investments, ${portfolio.sources.length} sources, ${portfolio.rules.length} rules (time limit ${options.timeLimit} s)…\n`,
        );
        const progress = searchProgressBar(process.stderr, options.timeLimit);
        const result = await optimizePortfolio(portfolio, {
          timeLimit: options.timeLimit,
          mipRelGap: options.gap,
          clock: () => performance.now(),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        }).finally(progress.stop);
        const out: Record<string, unknown> = printable(result);
        if (options.whyNot?.length) {
          out.why_not = [];
          for (const id of options.whyNot)
            (out.why_not as unknown[]).push(await explainChoice(portfolio, result, id));
        }
        if (options.frontier) out.frontier = (await traceFrontier(portfolio)).points;
        const text = `${JSON.stringify(out, null, 2)}\n`;
        if (options.output) writeFileSync(options.output, text);
        else process.stdout.write(text);
        process.stderr.write(
          `${result.status}: benefit ${result.objective ?? '–'}, proven gap ${result.gap === null ? '–' : `${(result.gap * 100).toFixed(4)} %`}, ${result.selected.length} chosen, ${result.seconds.toFixed(1)} s\n`,
        );
        if (result.status === 'infeasible') {
          throw new CliError(
            `no plan keeps every rule; these conflict: ${result.conflicts.map((c) => c.label).join('; ')}`,
            3,
          );
        }
      },
    );
}
