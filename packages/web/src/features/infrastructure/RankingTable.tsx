import { type CisaSector, type Ranking, sectorName } from '@vigil/core/infrastructure';
import { ProblemNote } from '../../ui/problem-note.tsx';

/** Single points of failure, largest impact first; each row selects the asset on the map. */
export function RankingTable(props: {
  ranking: Ranking | undefined;
  error: unknown;
  onPick(id: string): void;
}) {
  const { ranking } = props;
  return (
    <section className="infra-section" aria-labelledby="infra-ranking">
      <h2 id="infra-ranking">Single points of failure</h2>
      <ProblemNote error={props.error} />
      {ranking ? (
        <>
          <p className="muted">
            Losing each asset alone, everything that then fails (exact, by{' '}
            {ranking.method === 'dominator-tree' ? 'dominator tree' : 'pruned cascades'} over{' '}
            {ranking.assetCount.toLocaleString('en-US')} assets, no time limit).
          </p>
          <table className="infra-ranking">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Asset</th>
                <th scope="col">People</th>
                <th scope="col">Assets</th>
                <th scope="col">Hospitals</th>
              </tr>
            </thead>
            <tbody>
              {ranking.items.map((item) => (
                <tr key={item.assetId}>
                  <td>{item.rank}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => props.onPick(item.assetId)}>
                      {item.name}
                    </button>
                    <div className="muted">{sectorName(item.sector as CisaSector)}</div>
                  </td>
                  <td>{Math.round(item.impactPopulation).toLocaleString('en-US')}</td>
                  <td>{item.impactAssets}</td>
                  <td>{item.impactBySector['healthcare-and-public-health'] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">Ranking…</p>
      )}
    </section>
  );
}
