import {
  availableAmounts,
  describeRule,
  isAfterPeriodOfPerformance,
  type PortfolioInput,
} from '@vigil/core/budget';
import { formatMoney, type Run } from './budget-client.ts';
import { isShareKind, kindWords, percentText, type RuleInput, yearLabel } from './funding-form.ts';

const scopeOf = (rule: RuleInput): string =>
  'sources' in rule
    ? `category ${rule.category} within ${rule.sources.join(' + ')}`
    : [
        rule.mission_area ? `mission area ${rule.mission_area}` : null,
        rule.county ? `county ${rule.county}` : null,
      ]
        .filter(Boolean)
        .join(', ');

const limitOf = (rule: RuleInput): string => {
  const op = rule.kind.startsWith('min_') ? '≥' : '≤';
  return 'share' in rule ? `${op} ${percentText(rule.share)} %` : `${op} ${formatMoney(rule.amount)}`;
};

/**
 * The money and the conditions the optimizer works under: each funding source's amount per
 * fiscal year, what it may pay for, its federal cost-share ceiling and when it lapses; and
 * the grant rules. With an optimizer run on the page, the rules and yearly caps that run sits
 * on are marked "binds", and each year's cell gives the LP relaxation's estimate of the benefit per
 * extra dollar of it (its dual): a first answer when a program's money changes, and only an estimate,
 * since whole projects move in steps (a dollar may buy nothing until enough of them fund one).
 */
export function FundingPanel(props: { portfolio: PortfolioInput; run: Run | null }) {
  const { portfolio, run } = props;
  const binding = new Set((run?.binding ?? []).map((check) => check.key));
  // A run without a plan (infeasible, error) says nothing about which rules bind.
  const judged = run !== null && run.objective !== null;
  const marginal = new Map(
    judged ? run.marginal_values.map((m) => [`${m.source}:${m.year}`, m.value] as const) : [],
  );
  const years = Array.from({ length: portfolio.years }, (_, j) => yearLabel(portfolio.first_fiscal_year, j));
  const rules = portfolio.rules ?? [];
  const available = availableAmounts(portfolio);
  const anyLapsed = portfolio.sources.some((source) =>
    source.amount_by_year.some((_, j) => isAfterPeriodOfPerformance(portfolio, source, j)),
  );
  return (
    <section aria-labelledby="funding-heading" className="funding-panel">
      <h2 id="funding-heading">Funding sources and grant rules</h2>
      <div className="budget-scroll">
        <table className="budget-table">
          <caption>
            Funding sources: dollars available per fiscal year
            {judged
              ? ' (“binds”: the last optimizer run used all of that year’s money; “+$x per $”: the LP relaxation’s estimate of benefit per extra dollar; whole projects move in steps)'
              : ''}
            {anyLapsed
              ? '. An amount in a fiscal year that begins after the source’s period of performance has ended is struck through: that money can no longer be obligated, and neither the optimizer nor the totals count it'
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              {years.map((year) => (
                <th scope="col" className="num" key={year}>
                  {year}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Eligible categories</th>
              <th scope="col" className="num">
                Federal cost-share ceiling
              </th>
              <th scope="col">Period of performance ends</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.sources.map((source, s) => (
              <tr key={source.id} data-source={source.id}>
                <th scope="row">
                  {source.id}
                  {source.name ? <span className="muted"> {source.name}</span> : null}
                </th>
                {source.amount_by_year.map((amount, j) =>
                  isAfterPeriodOfPerformance(portfolio, source, j) ? (
                    <td className="num lapsed" key={years[j]} data-lapsed="true">
                      <s>{formatMoney(amount)}</s>
                      <span className="tag"> after the period of performance</span>
                    </td>
                  ) : (
                    <td className="num" key={years[j]}>
                      {formatMoney(amount)}
                      {binding.has(`cap:${source.id}:${j}`) ? <span className="tag"> binds</span> : null}
                      <MarginalValue value={marginal.get(`${source.id}:${j}`)} />
                    </td>
                  ),
                )}
                <td className="num">{formatMoney((available[s] ?? []).reduce((a, b) => a + b, 0))}</td>
                <td>{source.eligible_categories?.join(', ') ?? 'all'}</td>
                <td className="num">
                  {source.max_cost_share === undefined ? 'none' : `${percentText(source.max_cost_share)} %`}
                </td>
                <td>{source.period_of_performance_end ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rules.length ? (
        <table className="budget-table">
          <caption>Grant rules</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Kind</th>
              <th scope="col">Applies to</th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col">In the last optimizer run</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => {
              const binds = binding.has(`rule:${i}`);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a rule is named by its position (the run's `rule:3`)
                <tr key={i} data-rule={i} className={binds ? 'binds' : undefined}>
                  <th scope="row">{describeRule(rule, i)}</th>
                  <td>{kindWords(rule.kind)}</td>
                  <td>{scopeOf(rule)}</td>
                  <td className="num">
                    {limitOf(rule)}
                    {isShareKind(rule.kind) ? ' of those sources' : ''}
                  </td>
                  <td>{judged ? (binds ? 'binds' : 'has room') : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>No grant rules.</p>
      )}
    </section>
  );
}

/** Benefit per extra dollar below a cent says nothing a person would act on: shown only above it. */
function MarginalValue(props: { value: number | undefined }) {
  if (props.value === undefined || props.value < 0.005) return null;
  return (
    <span className="tag marginal" data-marginal={props.value}>
      {' '}
      +${props.value.toFixed(2)} per $
    </span>
  );
}
