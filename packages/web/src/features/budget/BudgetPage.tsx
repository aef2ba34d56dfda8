import { useQuery } from '@tanstack/react-query';
import { Link } from '../../app/router.tsx';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { budgetClient, formatMoney } from './budget-client.ts';
import './budget.css';

/** The grant portfolios the user may see, with the latest optimizer run of each. */
export function BudgetPage() {
  const list = useQuery({ queryKey: ['budget', 'portfolios'], queryFn: budgetClient.list });
  useMarkingBanner(list.data?.items.length ? list.data.marking : null);
  return (
    <section className="page budget">
      <h1>Budget portfolios</h1>
      <ProblemNote error={list.error} />
      {list.data && list.data.items.length === 0 ? <p>No portfolio you may see.</p> : null}
      <table className="budget-table">
        <thead>
          <tr>
            <th scope="col">Portfolio</th>
            <th scope="col">Marking</th>
            <th scope="col">Investments</th>
            <th scope="col">Asked</th>
            <th scope="col">Available</th>
            <th scope="col">Latest run</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link to={`/budget/portfolios/${encodeURIComponent(item.id)}`}>{item.name}</Link>
              </td>
              <td>
                <TlpBadge tlp={item.marking.tlp} caveats={item.marking.caveats} />
              </td>
              <td className="num">{item.investments}</td>
              <td className="num">{formatMoney(item.asked)}</td>
              <td className="num">{formatMoney(item.available)}</td>
              <td>
                {item.latest_run
                  ? `${item.latest_run.status}, benefit ${formatMoney(item.latest_run.objective)}`
                  : 'not optimized yet'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
