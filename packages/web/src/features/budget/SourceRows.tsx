import { Fragment } from 'react';
import { FieldErrors, invalidMarker, isFieldUnder } from './FieldErrors.tsx';
import type { SourceDraft } from './funding-form.ts';

/** A number box's text: empty for what is not a number yet. */
const shown = (value: number) => (Number.isNaN(value) ? '' : String(value));
/** Empty stays not-a-number, so the server names the field rather than the form guessing a zero. */
const typed = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The refusals of the source at position `i` of the file sent: positions, since a new row's ID may be empty or doubled. */
export const sourceField = (i: number) => `portfolio.sources[${i}]`;

/**
 * The funding sources in the funding editor, one row each: display name (optional), amount per
 * fiscal year, cost-share ceiling, end of the period of performance, eligible categories, and a
 * remove button. A row being added also takes its ID (`idPrefix-key-id`, where the editor puts
 * focus). `errors` are all the server's complaints; those naming `portfolio.sources[i]` show
 * under row `i`.
 */
export function SourceRows(props: {
  idPrefix: string;
  sources: SourceDraft[];
  years: number;
  yearLabel: (j: number) => string;
  errors: [string, string][];
  onChange: (key: string, edit: (draft: SourceDraft) => SourceDraft) => void;
  onRemove: (key: string) => void;
}) {
  const { years, yearLabel } = props;
  return (
    <div className="budget-scroll">
      <table className="budget-table editor-table" aria-label="Funding sources being edited">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Name (optional)</th>
            {Array.from({ length: years }, (_, j) => (
              <th scope="col" key={yearLabel(j)}>
                {yearLabel(j)} amount ($)
              </th>
            ))}
            <th scope="col">Cost-share ceiling (%)</th>
            <th scope="col">Period of performance ends</th>
            <th scope="col">Eligible categories</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((draft, i) => {
            const { id } = draft.source;
            // What the row's boxes are called: a new row by its ID once typed.
            const name = id.trim() || 'new source';
            const change = (edit: (d: SourceDraft) => SourceDraft) => props.onChange(draft.key, edit);
            const sourceErrors = props.errors.filter(([field]) => isFieldUnder(field, sourceField(i)));
            const errorId = `${props.idPrefix}-${draft.key}-errors`;
            const invalid = invalidMarker(sourceErrors, sourceField(i), errorId);
            return (
              <Fragment key={draft.key}>
                <tr data-source={id}>
                  <th scope="row">
                    {draft.isNew ? (
                      <input
                        id={`${props.idPrefix}-${draft.key}-id`}
                        className="source-id"
                        aria-label="New source ID"
                        placeholder="ID, e.g. HMGP"
                        value={id}
                        onChange={(e) =>
                          change((d) => ({ ...d, source: { ...d.source, id: e.target.value } }))
                        }
                        {...invalid('id')}
                      />
                    ) : (
                      id
                    )}
                  </th>
                  <td>
                    <input
                      aria-label={`${name} name (optional)`}
                      value={draft.name}
                      onChange={(e) => change((d) => ({ ...d, name: e.target.value }))}
                      {...invalid('name')}
                    />
                  </td>
                  {draft.source.amount_by_year.map((amount, j) => {
                    const yearly = `${sourceField(i)}.amount_by_year`;
                    // A complaint about the whole list (its length) marks every year; one about a year, that year.
                    const bad = sourceErrors.some(
                      ([field]) => field === yearly || isFieldUnder(field, `${yearly}[${j}]`),
                    );
                    return (
                      <td key={yearLabel(j)}>
                        <input
                          type="number"
                          min="0"
                          step="any"
                          aria-label={`${name} ${yearLabel(j)} amount (US dollars)`}
                          value={shown(amount)}
                          onChange={(e) =>
                            change((d) => ({
                              ...d,
                              source: {
                                ...d.source,
                                amount_by_year: d.source.amount_by_year.map((a, k) =>
                                  k === j ? typed(e.target.value) : a,
                                ),
                              },
                            }))
                          }
                          aria-invalid={bad ? true : undefined}
                          aria-describedby={bad ? errorId : undefined}
                        />
                      </td>
                    );
                  })}
                  <td>
                    <input
                      type="number"
                      min="0"
                      max="100"
                      step="any"
                      aria-label={`${name} federal cost-share ceiling (percent; empty for none)`}
                      value={draft.costSharePercent}
                      onChange={(e) => change((d) => ({ ...d, costSharePercent: e.target.value }))}
                      {...invalid('max_cost_share')}
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`${name} period of performance end`}
                      value={draft.periodEnd}
                      onChange={(e) => change((d) => ({ ...d, periodEnd: e.target.value }))}
                      {...invalid('period_of_performance_end')}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${name} eligible categories (comma-separated; empty for all)`}
                      value={draft.categories}
                      onChange={(e) => change((d) => ({ ...d, categories: e.target.value }))}
                      {...invalid('eligible_categories')}
                    />
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => props.onRemove(draft.key)}>
                      Remove<span className="visually-hidden"> {name}</span>
                    </button>
                  </td>
                </tr>
                {sourceErrors.length ? (
                  <tr className="line-errors">
                    <td colSpan={6 + years}>
                      <FieldErrors id={errorId} name={name} problems={sourceErrors} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
