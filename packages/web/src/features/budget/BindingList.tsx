import type { PortfolioInput } from '@vigil/core/budget';
import type { Run } from './budget-client.ts';
import { describeCapYears, groupBindingChecks } from './group-binding-checks.ts';

/**
 * The limits the plan sits on, as two lists a screen reader can walk: the funding sources
 * whose yearly money is all used (by source, with the years), then the grant rules held at
 * their limit. (With whole projects, loosening another limit can also change the plan, so this says where the plan stands, not what would improve it.)
 */
export function BindingList(props: { binding: Run['binding']; portfolio: PortfolioInput }) {
  const { caps, rules } = groupBindingChecks(props.binding, props.portfolio);
  if (!caps.length && !rules.length) return null;
  return (
    <section aria-labelledby="binding-heading" className="budget-binding">
      <h3 id="binding-heading">Binding constraints</h3>
      <p className="muted">The plan uses all the room these leave.</p>
      {caps.length ? (
        <>
          <h4 id="binding-caps-heading">Funding source caps (every dollar of the year used)</h4>
          <ul aria-labelledby="binding-caps-heading">
            {caps.map((cap) => (
              <li key={cap.sourceId} data-source={cap.sourceId}>
                <strong>{cap.sourceId}</strong>
                {cap.name ? <span className="muted"> {cap.name}</span> : null}: {describeCapYears(cap.years)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {rules.length ? (
        <>
          <h4 id="binding-rules-heading">Grant rules at their limit</h4>
          <ul aria-labelledby="binding-rules-heading">
            {rules.map((rule) => (
              <li key={rule.key} data-rule={rule.key}>
                {rule.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
