import type { CallbackData, Highs, HighsCallbackMap, ModelData } from 'highs';
import type { BudgetModel } from './build-budget-model.ts';

type HighsLoader = () => Promise<Highs>;
let loading: Promise<Highs> | undefined;

/**
 * HiGHS as WebAssembly, instantiated once per process (about 0.2 s) and reused by every
 * solve. Imported lazily so importing the budget contracts (the web does) loads no solver.
 */
export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((module) => {
    // highs runs its ESM build but types it as CommonJS: accept both shapes of the default export.
    const exported = module.default as unknown as HighsLoader | { default: HighsLoader };
    return (typeof exported === 'function' ? exported : exported.default)();
  });
  return loading;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'unbounded' | 'error';

export type SolveOptions = {
  /** Seconds; HiGHS stops with its best plan and a proven bound. */
  timeLimit?: number;
  /** Relative gap at which a plan counts as proven good enough. */
  mipRelGap?: number;
  /** Solve the LP relaxation: choices in [0, 1]. */
  relax?: boolean;
  /** Rule groups to switch off (conflict analysis). */
  dropGroups?: ReadonlySet<string>;
  /** Columns fixed to a value (why-not: force an investment in or out; frontier: a budget). */
  fix?: ReadonlyMap<number, number>;
  /** Extra rows (e.g. a total-budget cap for the frontier). */
  extraRows?: BudgetModel['rows'];
  /** A known plan of choices to start from (an incumbent for branch and bound). */
  start?: readonly number[];
  /** Ignore the objective: only ask whether a plan exists. */
  feasibilityOnly?: boolean;
  /** Extra HiGHS options (e.g. `mip_heuristic_effort`), set after Vigil's own. */
  highs?: Readonly<Record<string, string | number | boolean>>;
  /** Told where a MIP search stands, at most every `progressInterval` seconds and at each better plan. */
  onProgress?: (progress: SolveProgress) => void;
};

/** Where a branch and bound stands: its best plan so far and the proven bound, in dollars. */
export type SolveProgress = {
  /** Seconds since this solve started. */
  seconds: number;
  /** Benefit of the best plan found so far (undefined before the first). */
  objective: number | undefined;
  /** Proven upper bound on any plan's benefit (undefined before the root LP). */
  bound: number | undefined;
  /** (bound − objective) / objective, when both are known. */
  gap: number | undefined;
  nodes: number;
};

/** A progress line more often than this would cost the search time and tell a person nothing. */
const progressInterval = 0.25;

export type SolveResult = {
  status: SolveStatus;
  /** Objective of the plan found (undefined without one). */
  objective: number | undefined;
  /** Proven upper bound on any plan's objective (the dual bound). */
  bound: number | undefined;
  colValue: Float64Array | undefined;
  /** Row duals of an LP solve, in the order of `rowNames`. */
  rowDual: Float64Array | undefined;
  /** Reduced costs of the choice columns in an LP solve (benefit in millions per unit). */
  choiceDual?: Float64Array | undefined;
  rowNames: string[];
  seconds: number;
  /** Branch-and-bound nodes and LP iterations HiGHS spent: the same for the same model and options on any machine. */
  work?: { nodes: number; lpIterations: number };
};

/**
 * HiGHS sees money in millions: dollars put costs near 1e7 next to 0/1 choices, and its
 * presolve and cuts lose accuracy and time on such ranges. Funding columns are scaled by
 * 1e-6, money rows by 1e-6 (so funding coefficients stay 1), the objective by 1e-6.
 */
const million = 1e-6;
const logicalGroups = new Set(['prerequisites', 'exclusions']);

function scaleOfColumn(model: BudgetModel): (col: number) => number {
  return (col) => (col < model.numChoices ? 1 : million);
}

function toModelData(
  highs: Highs,
  model: BudgetModel,
  options: SolveOptions,
): { data: ModelData; rowNames: string[]; contradictory: boolean } {
  const drop = options.dropGroups;
  const rows = [...model.rows, ...(options.extraRows ?? [])].filter((row) => !drop?.has(row.group));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    const money = !logicalGroups.has(row.group);
    indices.push(...row.indices);
    for (let k = 0; k < row.values.length; k++) {
      const value = row.values[k] ?? 0;
      values.push(money && (row.indices[k] ?? 0) < model.numChoices ? value * million : value);
    }
    starts.push(indices.length);
  }
  const rowScale = (row: (typeof rows)[number]) => (logicalGroups.has(row.group) ? 1 : million);
  const inf = highs.infinity;
  const clamp = (v: number) =>
    v === Number.POSITIVE_INFINITY ? inf : v === Number.NEGATIVE_INFINITY ? -inf : v;
  const colScale = scaleOfColumn(model);
  const colLower = model.colLower.map((v, col) => v * colScale(col));
  const colUpper = model.colUpper.map((v, col) => v * colScale(col));
  if (drop?.has('must-fund')) for (const i of model.mustFund) colLower[i] = 0;
  // A fix narrows the bounds, never widens them: forcing a must-fund item out is infeasible.
  let contradictory = false;
  for (const [col, value] of options.fix ?? []) {
    const scaled = value * colScale(col);
    if (scaled < (colLower[col] ?? 0) - 1e-9 || scaled > (colUpper[col] ?? 0) + 1e-9) contradictory = true;
    colLower[col] = scaled;
    colUpper[col] = scaled;
  }
  const data: ModelData = {
    numCols: model.numCols,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: options.feasibilityOnly
      ? new Float64Array(model.numCols)
      : model.colCost.map((c) => c * million),
    colLower,
    colUpper,
    rowLower: rows.map((row) => clamp(row.lower * rowScale(row))),
    rowUpper: rows.map((row) => clamp(row.upper * rowScale(row))),
    matrix: { format: 'csr', numRows: rows.length, numCols: model.numCols, starts, indices, values },
    ...(options.relax ? {} : { integrality: model.integrality }),
  };
  return { data, rowNames: rows.map((row) => row.name), contradictory };
}

/** HiGHS's periodic MIP checkpoint and its new-incumbent event, thinned to `progressInterval` and turned into dollars. */
function progressCallbacks(highs: Highs, report: (progress: SolveProgress) => void): HighsCallbackMap {
  let last = Number.NEGATIVE_INFINITY;
  let best: number | undefined;
  const finite = (value: number | undefined) =>
    value !== undefined && Number.isFinite(value) && Math.abs(value) < highs.infinity
      ? value / million
      : undefined;
  const forward = (data: CallbackData, improved: boolean) => {
    const seconds = data.running_time ?? 0;
    const objective = finite(data.mip_primal_bound);
    if (!improved && seconds - last < progressInterval && objective === best) return;
    last = seconds;
    best = objective;
    const bound = finite(data.mip_dual_bound);
    report({
      seconds,
      objective,
      bound,
      gap:
        objective !== undefined && bound !== undefined && objective > 0
          ? Math.max(0, bound - objective) / objective
          : undefined,
      nodes: Number(data.mip_node_count ?? 0n),
    });
  };
  return {
    [highs.constants.callbackType.mipInterrupt]: (event) => {
      forward(event.data, false);
    },
    [highs.constants.callbackType.mipImprovingSolution]: (event) => {
      forward(event.data, true);
    },
  };
}

/**
 * Runs HiGHS on a budget model. A must-fund item that was switched off and a fixed column
 * above its bound are reconciled here, so callers only say what they want.
 */
export async function solveBudgetModel(model: BudgetModel, options: SolveOptions = {}): Promise<SolveResult> {
  const highs = await loadHighs();
  const { data, rowNames, contradictory } = toModelData(highs, model, options);
  if (contradictory) {
    return {
      status: 'infeasible',
      objective: undefined,
      bound: undefined,
      colValue: undefined,
      rowDual: undefined,
      rowNames,
      seconds: 0,
    };
  }
  const solver = highs.createModel(data);
  try {
    solver.options.set({
      output_flag: false,
      time_limit: options.timeLimit ?? 30,
      mip_rel_gap: options.mipRelGap ?? 1e-6,
      // Money is in dollars: an absolute gap below a cent is not worth a branch.
      mip_abs_gap: 1e-2 * million,
      ...options.highs,
    });
    if (options.start && !options.relax) {
      const indices = options.start.map((_, i) => i);
      try {
        solver.setSolution({ indices, values: [...options.start] });
      } catch {
        // A start is a hint: one HiGHS refuses (outside the bounds) is simply not used.
      }
    }
    const run =
      options.onProgress && !options.relax
        ? solver.run(progressCallbacks(highs, options.onProgress))
        : solver.run();
    const codes = highs.constants.modelStatus;
    const primal = Number(solver.info.get('primal_solution_status')) === 2;
    // HiGHS's own timer of this run: core reads no clock (DESIGN.md).
    const seconds = solver.getRunTime();
    let status: SolveStatus;
    if (run.modelStatus === codes.optimal) status = 'optimal';
    else if (run.modelStatus === codes.infeasible) status = 'infeasible';
    else if (run.modelStatus === codes.unbounded || run.modelStatus === codes.unboundedOrInfeasible)
      status = run.modelStatus === codes.unbounded ? 'unbounded' : 'infeasible';
    else if (run.modelStatus === codes.timeLimit || run.modelStatus === codes.interrupted)
      status = 'time_limit';
    else status = 'error';
    if (!primal) {
      return {
        status,
        objective: undefined,
        bound: undefined,
        colValue: undefined,
        rowDual: undefined,
        rowNames,
        seconds,
      };
    }
    const info = (key: string) => {
      try {
        return Number(solver.info.get(key)) || 0;
      } catch {
        return 0; // an LP solve has no MIP counters
      }
    };
    const work = {
      nodes: info('mip_node_count'),
      lpIterations: info('simplex_iteration_count') + info('mip_total_lp_iterations'),
    };
    const solution = solver.getSolution();
    const colScale = scaleOfColumn(model);
    const colValue = solution.colValue.map((v, col) => v / colScale(col));
    const objective = solver.getObjectiveValue() / million;
    const bound = options.relax ? objective : Number(solver.info.get('mip_dual_bound')) / million;
    return {
      status,
      objective,
      bound: Number.isFinite(bound) ? Math.max(bound, objective) : undefined,
      colValue,
      rowDual: options.relax ? solution.rowDual : undefined,
      choiceDual: options.relax ? solution.colDual.slice(0, model.numChoices) : undefined,
      rowNames,
      seconds,
      work,
    };
  } finally {
    solver.dispose();
  }
}
