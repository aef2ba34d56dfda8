import type { BudgetModel } from './build-budget-model.ts';

const million = 1e-6;
const logicalGroups = new Set(['prerequisites', 'exclusions']);

function term(coefficient: number, name: string): string {
  const sign = coefficient < 0 ? '-' : '+';
  return `${sign} ${Math.abs(coefficient)} ${name}`;
}

/** Terms wrapped onto lines well under the 255/510-character limits of LP readers. */
function wrap(prefix: string, terms: string[]): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const t of terms) {
    if (line.length + t.length > 200) {
      lines.push(line);
      line = '  ';
    }
    line += ` ${t}`;
  }
  lines.push(line);
  return lines;
}

/**
 * The budget model in CPLEX LP format, as GLPK's `glpsol --lp` and COIN-OR CBC read it,
 * with money in millions exactly as HiGHS receives it (`solveBudgetModel`), so every
 * solver of the benchmark solves the same numbers. The objective is in millions of
 * benefit; multiply by 1e6 to compare.
 */
export function writeLpModel(model: BudgetModel): string {
  const name = (col: number) => model.colNames[col] ?? `c${col}`;
  const colScale = (col: number) => (col < model.numChoices ? 1 : million);
  const out: string[] = ['\\ Vigil budget model (money in millions)', 'Maximize'];
  const objective = model.colCost.flatMap((cost, col) =>
    cost === 0 ? [] : [term(cost * million, name(col))],
  );
  out.push(...wrap(' obj:', objective.length ? objective : [`+ 0 ${name(0)}`]));
  out.push('Subject To');
  for (const row of model.rows) {
    const money = !logicalGroups.has(row.group);
    const rowScale = money ? million : 1;
    const terms = row.indices.map((col, k) => {
      const value = row.values[k] ?? 0;
      return term(money && col < model.numChoices ? value * million : value, name(col));
    });
    if (terms.length === 0) continue;
    const lower = row.lower * rowScale;
    const upper = row.upper * rowScale;
    if (Number.isFinite(lower) && Number.isFinite(upper) && lower === upper) {
      out.push(...wrap(` ${row.name}:`, [...terms, `= ${upper}`]));
      continue;
    }
    if (Number.isFinite(lower)) out.push(...wrap(` ${row.name}_lo:`, [...terms, `>= ${lower}`]));
    if (Number.isFinite(upper)) out.push(...wrap(` ${row.name}_up:`, [...terms, `<= ${upper}`]));
  }
  out.push('Bounds');
  for (let col = 0; col < model.numCols; col++) {
    const lower = (model.colLower[col] ?? 0) * colScale(col);
    const upper = (model.colUpper[col] ?? 0) * colScale(col);
    out.push(` ${lower} <= ${name(col)} <= ${Number.isFinite(upper) ? upper : '+inf'}`);
  }
  out.push('General');
  const integers = model.integrality.flatMap((kind, col) => (kind === 1 ? [name(col)] : []));
  for (let k = 0; k < integers.length; k += 20) out.push(` ${integers.slice(k, k + 20).join(' ')}`);
  out.push('End', '');
  return out.join('\n');
}
