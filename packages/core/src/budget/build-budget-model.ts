import { availableAmounts } from './available-amounts.ts';
import { isShareRule, type Portfolio } from './portfolio.ts';

/**
 * A rule group is what conflict analysis can switch off as a whole: one source's yearly
 * caps, one source's cost-share ceiling, one grant rule, all must-fund items, all
 * prerequisites, all exclusions. `structure` rows (cost coverage) are never switched off.
 */
export type RuleGroup = string;

export type ModelRow = {
  name: string;
  group: RuleGroup;
  lower: number;
  upper: number;
  indices: number[];
  values: number[];
};

/**
 * A funding unit: investments that share category and eligible sources. Their funding can
 * be pooled per source and year without loss (see `buildBudgetModel`); the full model of
 * the issue is the special case of one investment per unit.
 */
export type FundingUnit = {
  members: number[];
  sources: number[];
  /** Column of F[unit, source, year], or -1 when the unit has no cost that year. */
  flowCol: number[][];
};

export type BudgetModel = {
  numCols: number;
  /** The first `investments.length` columns are the choices x_i (binary). */
  numChoices: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  integrality: (0 | 1)[];
  colNames: string[];
  rows: ModelRow[];
  units: FundingUnit[];
  /** Objective weight of each investment (benefit, discounted and with gap points). */
  weights: number[];
  /** Source indices each investment may draw on after category eligibility. */
  eligible: number[][];
  mustFund: number[];
};

export const ruleGroups = {
  cap: (sourceId: string) => `cap:${sourceId}`,
  costShare: (sourceId: string) => `cost-share:${sourceId}`,
  rule: (index: number) => `rule:${index}`,
  mustFund: 'must-fund',
  prerequisites: 'prerequisites',
  exclusions: 'exclusions',
  structure: 'structure',
} as const;

/** Benefit of one investment as the objective counts it. */
export function investmentWeight(portfolio: Portfolio, index: number): number {
  const inv = portfolio.investments[index];
  if (!inv) return 0;
  const rate = portfolio.discount_rate ?? 0;
  let weight = inv.benefit ?? 0;
  inv.benefit_by_year?.forEach((value, year) => {
    weight += value / (1 + rate) ** year;
  });
  weight += (inv.gap_points ?? 0) * (portfolio.gap_point_value ?? 0);
  return weight;
}

/** Sources an investment may draw on: listed by the investment and open to its category. */
export function eligibleSources(portfolio: Portfolio, index: number): number[] {
  const inv = portfolio.investments[index];
  if (!inv) return [];
  const out: number[] = [];
  portfolio.sources.forEach((source, s) => {
    if (!inv.eligible_sources.includes(source.id)) return;
    if (source.eligible_categories && !source.eligible_categories.includes(inv.category)) return;
    out.push(s);
  });
  return out;
}

export function totalCost(portfolio: Portfolio, index: number): number {
  return (portfolio.investments[index]?.cost_by_year ?? []).reduce((a, b) => a + b, 0);
}

export function matchesSpendRule(
  inv: Portfolio['investments'][number],
  rule: { mission_area?: string | undefined; county?: string | undefined },
): boolean {
  return (
    (rule.mission_area === undefined || inv.mission_area === rule.mission_area) &&
    (rule.county === undefined || inv.county === rule.county)
  );
}

/**
 * The mixed-integer program of the issue. Choice x_i ∈ {0,1}; funding F ≥ 0 per unit ×
 * eligible source × year; in each year a unit's funding equals the cost of its chosen
 * members; each source's yearly amount caps what is drawn; a cost-share ceiling p caps
 * a source at p of the unit's cost each year; a share rule bounds, over the horizon, the
 * part of the money drawn from its sources that goes to its category; a spend rule bounds
 * the cost of chosen investments of a mission area or county; prerequisites, exclusions
 * and must-fund items constrain x. Objective: maximize Σ weight_i x_i.
 *
 * `pooled` (the default) puts investments with the same category and eligible sources in
 * one unit. That is exact: every rule sees funding only through per-unit totals, and any
 * pooled split is realised per investment by giving each member the unit's source mix of
 * that year (so per-year cost shares hold member by member). It shrinks 5,000 × 6 × 4
 * funding columns to a few hundred, which is what lets the solver prove its gap quickly.
 */
export function buildBudgetModel(portfolio: Portfolio, options: { pooled?: boolean } = {}): BudgetModel {
  const pooled = options.pooled ?? true;
  const { investments, sources, years } = portfolio;
  const n = investments.length;
  const byId = new Map(investments.map((inv, i) => [inv.id, i]));
  const eligible = investments.map((_, i) => eligibleSources(portfolio, i));
  const weights = investments.map((_, i) => investmentWeight(portfolio, i));
  const colCost = [...weights];
  const colLower: number[] = investments.map((inv) => (inv.must_fund ? 1 : 0));
  const colUpper: number[] = investments.map((_, i) =>
    (eligible[i]?.length ?? 0) === 0 && totalCost(portfolio, i) > 0 ? 0 : 1,
  );
  const integrality: (0 | 1)[] = investments.map(() => 1);
  const colNames = investments.map((_, i) => `x${i}`);
  const mustFund = investments.flatMap((inv, i) => (inv.must_fund ? [i] : []));

  const unitKeys = new Map<string, number>();
  const units: FundingUnit[] = [];
  investments.forEach((inv, i) => {
    const key = pooled ? `${inv.category}|${(eligible[i] ?? []).join(',')}` : `#${i}`;
    let u = unitKeys.get(key);
    if (u === undefined) {
      u = units.length;
      unitKeys.set(key, u);
      units.push({ members: [], sources: eligible[i] ?? [], flowCol: [] });
    }
    units[u]?.members.push(i);
  });

  const rows: ModelRow[] = [];
  // Money past a source's period of performance is not there to draw (availableAmounts).
  const available = availableAmounts(portfolio);
  const capRows = sources.map((source, s) =>
    Array.from({ length: years }, (_, y) => {
      const row: ModelRow = {
        name: `cap_${s}_${y}`,
        group: ruleGroups.cap(source.id),
        lower: Number.NEGATIVE_INFINITY,
        upper: available[s]?.[y] ?? 0,
        indices: [],
        values: [],
      };
      return row;
    }),
  );
  units.forEach((unit, u) => {
    unit.flowCol = sources.map(() => Array.from({ length: years }, () => -1));
    for (let y = 0; y < years; y++) {
      const payers = unit.members.filter((i) => (investments[i]?.cost_by_year[y] ?? 0) > 0);
      const costs = payers.map((i) => investments[i]?.cost_by_year[y] ?? 0);
      const demand = costs.reduce((a, b) => a + b, 0);
      if (demand === 0) continue;
      const coverage: ModelRow = {
        name: `cover_${u}_${y}`,
        group: ruleGroups.structure,
        lower: 0,
        upper: 0,
        indices: [...payers],
        values: costs.map((c) => -c),
      };
      for (const s of unit.sources) {
        const col = colCost.length;
        colCost.push(0);
        colLower.push(0);
        colUpper.push(Math.min(demand, available[s]?.[y] ?? 0));
        integrality.push(0);
        colNames.push(`f${u}_${s}_${y}`);
        (unit.flowCol[s] as number[])[y] = col;
        coverage.indices.push(col);
        coverage.values.push(1);
        capRows[s]?.[y]?.indices.push(col);
        capRows[s]?.[y]?.values.push(1);
        const share = sources[s]?.max_cost_share;
        if (share !== undefined && share < 1) {
          rows.push({
            name: `share_${u}_${s}_${y}`,
            group: ruleGroups.costShare(sources[s]?.id ?? ''),
            lower: Number.NEGATIVE_INFINITY,
            upper: 0,
            indices: [col, ...payers],
            values: [1, ...costs.map((c) => -c * share)],
          });
        }
      }
      rows.push(coverage);
    }
  });
  for (const list of capRows) for (const row of list) if (row.indices.length) rows.push(row);

  portfolio.rules.forEach((rule, r) => {
    const row: ModelRow = {
      name: `rule_${r}`,
      group: ruleGroups.rule(r),
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      indices: [],
      values: [],
    };
    if (isShareRule(rule)) {
      const ruleSources = new Set(rule.sources);
      units.forEach((unit) => {
        const inCategory = investments[unit.members[0] ?? 0]?.category === rule.category;
        unit.sources.forEach((s) => {
          if (!ruleSources.has(sources[s]?.id ?? '')) return;
          for (const col of unit.flowCol[s] ?? []) {
            if (col < 0) continue;
            const value = (inCategory ? 1 : 0) - rule.share;
            if (value === 0) continue;
            row.indices.push(col);
            row.values.push(value);
          }
        });
      });
      if (rule.kind === 'min_share') row.lower = 0;
      else row.upper = 0;
    } else {
      investments.forEach((inv, i) => {
        const cost = totalCost(portfolio, i);
        if (cost > 0 && matchesSpendRule(inv, rule)) {
          row.indices.push(i);
          row.values.push(cost);
        }
      });
      if (rule.kind === 'min_spend') row.lower = rule.amount;
      else row.upper = rule.amount;
    }
    rows.push(row);
  });

  investments.forEach((inv, i) => {
    for (const other of inv.requires ?? []) {
      const j = byId.get(other);
      if (j === undefined) continue;
      rows.push({
        name: `req_${i}_${j}`,
        group: ruleGroups.prerequisites,
        lower: Number.NEGATIVE_INFINITY,
        upper: 0,
        indices: [i, j],
        values: [1, -1],
      });
    }
  });
  const pairs = new Set<string>();
  investments.forEach((inv, i) => {
    for (const other of inv.excludes ?? []) {
      const j = byId.get(other);
      if (j === undefined) continue;
      const key = i < j ? `${i}_${j}` : `${j}_${i}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      rows.push({
        name: `excl_${key}`,
        group: ruleGroups.exclusions,
        lower: Number.NEGATIVE_INFINITY,
        upper: 1,
        indices: [Math.min(i, j), Math.max(i, j)],
        values: [1, 1],
      });
    }
  });

  return {
    numCols: colCost.length,
    numChoices: n,
    colCost,
    colLower,
    colUpper,
    integrality,
    colNames,
    rows,
    units,
    weights,
    eligible,
    mustFund,
  };
}
