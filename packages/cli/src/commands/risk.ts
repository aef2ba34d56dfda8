import { readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  type ClimateScenarioInput,
  climateScenarioInputSchema,
  defaultCsvLimits,
  findPresetScenario,
  formatNriResultsCsv,
  isDomainError,
  type NriTable,
  presetClimateScenarios,
  readNriTable,
} from '@vigil/core';
import { importNriTable, loadConfig, openVigilDeps } from '@vigil/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';

const maxScenarioBytes = 1024 * 1024;

/** Reads a file given on the command line, refusing what is missing or too large before reading it. */
function readInput(path: string, flag: string, maxBytes: number): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`${flag}: no file ${path}`);
  }
  if (size > maxBytes) throw new CliError(`${flag}: ${path} is larger than ${maxBytes} bytes`);
  return readFileSync(path, 'utf8');
}

function readTable(path: string): NriTable {
  const text = readInput(path, '--input', defaultCsvLimits.maxBytes);
  try {
    return readNriTable(text);
  } catch (error) {
    // The reader names row and column; the flag says which file they are in.
    if (isDomainError(error)) throw new CliError(`--input: ${error.message}`);
    throw error;
  }
}

/** A preset's name ("2050 (demo)") or a JSON file holding {name, multipliers, …}. */
function readScenario(value: string): ClimateScenarioInput {
  const preset = findPresetScenario(value);
  if (preset) return preset;
  let json: unknown;
  try {
    json = JSON.parse(readInput(value, '--scenario', maxScenarioBytes));
  } catch (error) {
    if (error instanceof CliError) {
      const names = presetClimateScenarios.map((s) => JSON.stringify(s.name)).join(', ');
      throw new CliError(`${error.message} and no preset scenario of that name (presets: ${names})`);
    }
    throw new CliError(`--scenario: ${value} is not JSON: ${(error as Error).message}`);
  }
  const parsed = climateScenarioInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`--scenario: ${issue?.path.join('.') || 'scenario'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function registerRisk(program: Command): void {
  const risk = program.command('risk').description('risk and strategic planning (FEMA National Risk Index)');

  risk
    .command('nri')
    .description(
      'compute EAL and risk value per county from an NRI county table (v1.19 columns); FEMA’s totals and scores are not needed',
    )
    .requiredOption(
      '--input <csv>',
      'NRI county table, e.g. data/nri-virginia/NRI_Table_Counties_Virginia.csv',
    )
    .requiredOption('--output <csv>', 'where to write one row per county')
    .option(
      '--scenario <name or file>',
      'a preset climate scenario ("2050 (demo)") or a JSON file {name, multipliers}',
    )
    .action((options: { input: string; output: string; scenario?: string }) => {
      const table = readTable(options.input);
      const scenario = options.scenario ? readScenario(options.scenario) : undefined;
      const csv = formatNriResultsCsv(
        table,
        scenario ? { name: scenario.name, multipliers: scenario.multipliers } : undefined,
      );
      writeFileSync(options.output, csv);
      process.stdout.write(
        `wrote ${table.counties.length} counties to ${options.output} (NRI ${table.release.version}, VSL $${table.release.valueOfStatisticalLife.toLocaleString('en-US')}${scenario ? `, scenario ${scenario.name}` : ''})\n`,
      );
    });

  risk
    .command('import')
    .description('import an NRI county table into VIGIL_DATABASE_URL (replaces the counties it contains)')
    .requiredOption('--input <csv>', 'NRI county table (v1.19 columns)')
    .action(async (options: { input: string }) => {
      const text = readInput(options.input, '--input', defaultCsvLimits.maxBytes);
      const { deps, close } = await openVigilDeps(loadConfig());
      try {
        const result = await importNriTable(deps, null, text);
        process.stdout.write(`imported ${result.counties} counties (NRI ${result.release})\n`);
      } catch (error) {
        if (isDomainError(error)) throw new CliError(`--input: ${error.message}`);
        throw error;
      } finally {
        await close();
      }
    });
}
