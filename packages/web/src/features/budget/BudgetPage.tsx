import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hasPermission, mostRestrictiveTlp, type TlpLabel } from '@vigil/core/access';
import type { DeletedPortfolio, PortfolioDetail } from '@vigil/core/budget';
import { useRef, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { Link } from '../../app/router.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { budgetClient, deletedPortfoliosKey, formatMoney, portfoliosKey } from './budget-client.ts';
import './budget.css';
import './restore.css';

/**
 * The grant portfolios the user may see, with the latest optimizer run of each; for the
 * budget staff of an agency, also the portfolios it deleted, each with a way back.
 */
export function BudgetPage() {
  const queryClient = useQueryClient();
  const user = useSignedIn();
  const liveTable = useRef<HTMLTableElement>(null);
  const [restoredNote, setRestoredNote] = useState<string | null>(null);
  const mayRestore = hasPermission(user.roles, 'budget.write');
  const list = useQuery({ queryKey: portfoliosKey, queryFn: budgetClient.list });
  const deleted = useQuery({
    queryKey: deletedPortfoliosKey,
    queryFn: budgetClient.deleted,
    enabled: mayRestore,
  });
  // The server lists only the agency's own; the check here keeps the rule visible in the UI.
  const bin = (deleted.data?.items ?? []).filter((item) => item.marking.ownerAgencyId === user.agencyId);
  const labels: TlpLabel[] = [
    ...(list.data?.items.length ? [list.data.marking] : []),
    ...(bin.length && deleted.data ? [deleted.data.marking] : []),
  ];
  useMarkingBanner(labels.length ? mostRestrictiveTlp(labels) : null);
  const onRestored = (detail: PortfolioDetail) => {
    setRestoredNote(
      `Restored “${detail.name}” as version ${detail.version}. Run the optimizer for a plan of it.`,
    );
    // Its row left the bin with the button that had focus: focus goes to it in the live list.
    requestAnimationFrame(() =>
      liveTable.current
        ?.querySelector<HTMLAnchorElement>(`tr[data-portfolio="${CSS.escape(detail.id)}"] a`)
        ?.focus(),
    );
  };
  return (
    <section className="page budget">
      <h1>Budget portfolios</h1>
      <ProblemNote error={list.error} />
      <p role="status" className="budget-saved">
        {restoredNote}
      </p>
      {list.data && list.data.items.length === 0 ? <p>No portfolio you may see.</p> : null}
      <table className="budget-table" ref={liveTable}>
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
            <tr key={item.id} data-portfolio={item.id}>
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
      {mayRestore ? (
        <RecentlyDeleted
          items={bin}
          onRestored={async (detail) => {
            // Everything budget: the live list, the bin, and the portfolio's page cached as a 404.
            await queryClient.invalidateQueries({ queryKey: ['budget'] });
            onRestored(detail);
          }}
          onRefused={() => void queryClient.invalidateQueries({ queryKey: deletedPortfoliosKey })}
        />
      ) : null}
    </section>
  );
}

/** The bin, shown only when it holds something; a refusal (say, a stale version) is said above it. */
function RecentlyDeleted(props: {
  items: readonly DeletedPortfolio[];
  onRestored: (detail: PortfolioDetail) => Promise<void>;
  onRefused: () => void;
}) {
  const restore = useMutation({
    mutationFn: (item: DeletedPortfolio) => budgetClient.restore(item.id, item.version),
    onSuccess: props.onRestored,
    onError: props.onRefused,
  });
  if (props.items.length === 0) return <ProblemNote error={restore.error} />;
  return (
    <section aria-labelledby="recently-deleted-heading" className="budget-deleted">
      <h2 id="recently-deleted-heading">Recently deleted</h2>
      <p>
        Only your agency’s budget staff see these. Restoring brings a portfolio back for everyone its marking
        reaches, with its execution entries; run the optimizer again for a plan.
      </p>
      <ProblemNote error={restore.error} />
      <table className="budget-table compact">
        <thead>
          <tr>
            <th scope="col">Portfolio</th>
            <th scope="col">Marking</th>
            <th scope="col">Deleted</th>
            <th scope="col">Restore</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.id} data-deleted={item.id}>
              <th scope="row">{item.name}</th>
              <td>
                <TlpBadge tlp={item.marking.tlp} caveats={item.marking.caveats} />
              </td>
              <td>
                <time dateTime={item.deleted_at}>{formatTime(item.deleted_at)}</time>
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Restore ${item.name}`}
                  onClick={() => restore.mutate(item)}
                  disabled={restore.isPending}
                >
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
