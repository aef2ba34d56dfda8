import { AllocationChart } from './AllocationChart.tsx';
import { formatMoney, type Run } from './budget-client.ts';

/** Where the plan's money goes: mission area by funding source as stacked bars, then the table with totals. */
export function AllocationTable(props: { run: Run }) {
  const {
    by_mission_area_and_source: both,
    by_source: bySource,
    by_mission_area: byArea,
  } = props.run.allocation;
  const sources = Object.keys(bySource).sort();
  const areas = Object.keys(byArea).sort();
  return (
    <section aria-labelledby="allocation-heading">
      <h2 id="allocation-heading">Allocation by mission area and source</h2>
      <AllocationChart allocation={props.run.allocation} />
      <table className="budget-table" aria-label="Allocation by mission area and source, in dollars">
        <thead>
          <tr>
            <th scope="col">Mission area</th>
            {sources.map((source) => (
              <th scope="col" key={source}>
                {source}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area}>
              <th scope="row">{area}</th>
              {sources.map((source) => (
                <td className="num" key={source}>
                  {formatMoney(both[area]?.[source] ?? 0)}
                </td>
              ))}
              <td className="num">{formatMoney(byArea[area])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            {sources.map((source) => (
              <td className="num" key={source}>
                {formatMoney(bySource[source])}
              </td>
            ))}
            <td className="num">{formatMoney(Object.values(bySource).reduce((a, b) => a + b, 0))}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
