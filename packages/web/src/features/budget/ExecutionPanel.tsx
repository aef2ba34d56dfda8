import { useQuery } from '@tanstack/react-query';
import type { PortfolioRow } from '@vigil/core/budget';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { budgetClient, formatMoney } from './budget-client.ts';
import { ExecutionChart } from './ExecutionChart.tsx';
import { ExecutionForm } from './ExecutionForm.tsx';

/**
 * Awards, obligations and expenditures per investment and source; lapse warnings first,
 * drawn as bars above the table (what is spent and what lapses at a glance).
 * Investments are shown by name as the candidates table shows them, with the ID under it
 * (the grants office quotes IDs, and an entry may outlive its candidate in the portfolio).
 * The owning agency's grants office records new entries here (`mayRecord`).
 */
export function ExecutionPanel(props: { id: string; rows: PortfolioRow[]; mayRecord: boolean }) {
  const asOf = new Date().toISOString().slice(0, 10);
  const execution = useQuery({
    queryKey: ['budget', 'execution', props.id, asOf],
    queryFn: () => budgetClient.execution(props.id, asOf),
  });
  const data = execution.data;
  const names = new Map(props.rows.map((row) => [row.id, row.name]));
  return (
    <section aria-labelledby="execution-heading">
      <h2 id="execution-heading">Execution as of {asOf}</h2>
      <ProblemNote error={execution.error} />
      {data ? (
        <>
          <p data-testid="execution-totals">
            Awarded {formatMoney(data.totals.awarded)}, obligated {formatMoney(data.totals.obligated)},
            expended {formatMoney(data.totals.expended)};{' '}
            <strong>{formatMoney(data.totals.at_risk)} at risk of lapsing</strong>.
          </p>
          <ExecutionChart lines={data.lines} names={names} />
          <table className="budget-table" aria-label="Execution by investment and source">
            <thead>
              <tr>
                <th scope="col">Investment</th>
                <th scope="col">Source</th>
                <th scope="col">Awarded</th>
                <th scope="col">Obligated</th>
                <th scope="col">Expended</th>
                <th scope="col">Burn / day</th>
                <th scope="col">Days left</th>
                <th scope="col">At risk</th>
                <th scope="col">Warning</th>
              </tr>
            </thead>
            <tbody>
              {data.lines.map((line) => {
                const name = names.get(line.investment_id);
                return (
                  <tr
                    key={`${line.investment_id}-${line.source_id}`}
                    data-line={`${line.investment_id}/${line.source_id}`}
                    className={line.warning ? 'warn' : undefined}
                  >
                    <td>
                      {name ?? line.investment_id}
                      {name ? (
                        <>
                          <br />
                          <span className="muted">{line.investment_id}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{line.source_id}</td>
                    <td className="num">{formatMoney(line.awarded)}</td>
                    <td className="num">{formatMoney(line.obligated)}</td>
                    <td className="num">{formatMoney(line.expended)}</td>
                    <td className="num">{formatMoney(line.burn_per_day)}</td>
                    <td className="num">{line.days_left ?? '–'}</td>
                    <td className="num">{formatMoney(line.at_risk)}</td>
                    <td>{line.warning ? `⚠ ${line.warning}` : 'on track'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : null}
      {props.mayRecord ? <ExecutionForm id={props.id} rows={props.rows} today={asOf} /> : null}
    </section>
  );
}
