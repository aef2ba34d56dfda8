import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hasPermission } from '@vigil/core/access';
import type { PortfolioDetail, PortfolioInput, WhyNot } from '@vigil/core/budget';
import { useEffect, useRef, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { Link } from '../../app/router.tsx';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { AllocationTable } from './AllocationTable.tsx';
import { BindingList } from './BindingList.tsx';
import { budgetClient, formatMoney, type Run } from './budget-client.ts';
import { CandidateEditor } from './CandidateEditor.tsx';
import { DeletePortfolioButton } from './DeletePortfolioButton.tsx';
import { ExecutionPanel } from './ExecutionPanel.tsx';
import { FrontierChart } from './FrontierChart.tsx';
import { FundingEditor } from './FundingEditor.tsx';
import { FundingPanel } from './FundingPanel.tsx';
import { OptimizeProgressView } from './OptimizeProgressView.tsx';
import './budget.css';

type Editor = 'candidates' | 'funding';

/** What the server accepts (1–120 s); a plan comes back with its proven gap when time is up. */
const timeLimits = [10, 30, 60, 120] as const;

const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(3)} %`);

/**
 * One portfolio: the candidates with benefit, cost and benefit per dollar; the optimizer's
 * plan with its proven gap beside the greedy plan; "why not" for any line (forces it the
 * other way and shows the benefit lost); allocation; the frontier; execution. The owning
 * agency's budget staff also edit the candidates, the funding sources and grant rules (one
 * editor open at a time), delete the portfolio and record execution.
 */
export function PortfolioPage(props: { id: string }) {
  const queryClient = useQueryClient();
  const user = useSignedIn();
  const editButton = useRef<HTMLButtonElement>(null);
  const fundingButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState<Editor | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['budget', 'portfolio', props.id],
    queryFn: () => budgetClient.read(props.id),
  });
  const latest = useQuery({
    queryKey: ['budget', 'result', props.id],
    queryFn: () => budgetClient.result(props.id).catch(() => null),
    // Asked only when the portfolio names a run of its version: "not optimized yet" is no error,
    // and a 404 would be logged in the browser's console as one. A run made here fills the cache.
    enabled: detail.data !== undefined && detail.data.latest_run !== null,
  });
  // A version saved elsewhere (another tab, another user: the live event refetches the detail) has no run:
  // the disabled query would keep the old version's plan, so it is dropped. A run made here keeps its version.
  const notOptimized = detail.data !== undefined && detail.data.latest_run === null;
  const version = detail.data?.version;
  useEffect(() => {
    if (notOptimized && version !== undefined) queryClient.setQueryData(['budget', 'result', props.id], null);
  }, [notOptimized, version, queryClient, props.id]);
  useMarkingBanner(detail.data?.marking.tlp ?? null);
  const [explained, setExplained] = useState<Record<string, WhyNot>>({});
  const [timeLimit, setTimeLimit] = useState(30);
  const optimize = useMutation({
    mutationFn: () => budgetClient.optimize(props.id, timeLimit),
    onSuccess: (run: Run) => {
      setExplained({});
      queryClient.setQueryData(['budget', 'result', props.id], run);
      void queryClient.invalidateQueries({ queryKey: ['budget', 'portfolios'] });
    },
  });
  const whyNot = useMutation({
    mutationFn: (investmentId: string) => budgetClient.whyNot(props.id, investmentId),
    onSuccess: (answer) => setExplained((map) => ({ ...map, [answer.id]: answer })),
  });
  const frontier = useMutation({ mutationFn: () => budgetClient.frontier(props.id) });
  // Focus goes back to the button that opened the editor.
  const opener = (editor: Editor) => (editor === 'candidates' ? editButton : fundingButton);
  const onSaved = (editor: Editor) => (saved: PortfolioDetail) => {
    setEditing(null);
    setExplained({});
    frontier.reset();
    optimize.reset();
    const rules = (saved.portfolio as PortfolioInput).rules?.length ?? 0;
    setSavedNote(
      editor === 'candidates'
        ? `Saved version ${saved.version}: ${saved.investments} candidates asking ${formatMoney(saved.asked)}. Run the optimizer for a plan of this version.`
        : `Saved version ${saved.version}: ${formatMoney(saved.available)} available from ${saved.sources} sources under ${rules} grant rules. Run the optimizer for a plan of this version.`,
    );
    requestAnimationFrame(() => opener(editor).current?.focus());
  };
  const closeEditor = (editor: Editor) => () => {
    setEditing(null);
    requestAnimationFrame(() => opener(editor).current?.focus());
  };
  // One editor at a time: each saves the whole file at the version it opened, so the second of two saves would conflict.
  const toggle = (editor: Editor) => {
    setSavedNote(null);
    setEditing((open) => (open === editor ? null : editor));
  };
  const run = latest.data ?? null;
  const chosen = new Map((run?.selected ?? []).map((item) => [item.id, item]));
  const data = detail.data;
  const mayEdit =
    !!data && data.marking.ownerAgencyId === user.agencyId && hasPermission(user.roles, 'budget.write');
  if (!data) {
    return (
      <section className="page budget">
        <h1>Portfolio</h1>
        <ProblemNote error={detail.error} />
      </section>
    );
  }
  return (
    <section className="page budget">
      <p>
        <Link to="/budget">All portfolios</Link>
      </p>
      <h1>{data.name}</h1>
      <p>
        <TlpBadge tlp={data.marking.tlp} caveats={data.marking.caveats} /> {data.investments} candidates
        asking {formatMoney(data.asked)} over {data.years} years; {formatMoney(data.available)} available from{' '}
        {data.sources} sources.
      </p>
      <div className="budget-actions">
        <label className="budget-time-limit">
          Solver time limit{' '}
          <select
            value={timeLimit}
            onChange={(event) => setTimeLimit(Number(event.target.value))}
            disabled={optimize.isPending}
          >
            {timeLimits.map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds} s
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => optimize.mutate()} disabled={optimize.isPending}>
          {optimize.isPending ? 'Optimizing…' : 'Run optimizer'}
        </button>
        <button type="button" onClick={() => frontier.mutate()} disabled={frontier.isPending}>
          {frontier.isPending ? 'Tracing…' : 'Trace frontier'}
        </button>
        {mayEdit ? (
          <>
            <button
              type="button"
              ref={editButton}
              aria-expanded={editing === 'candidates'}
              disabled={editing === 'funding'}
              onClick={() => toggle('candidates')}
            >
              Edit candidates
            </button>
            <button
              type="button"
              ref={fundingButton}
              aria-expanded={editing === 'funding'}
              disabled={editing === 'candidates'}
              onClick={() => toggle('funding')}
            >
              Edit funding and rules
            </button>
            <DeletePortfolioButton detail={data} />
          </>
        ) : null}
      </div>
      <p role="status" className="budget-saved">
        {savedNote}
      </p>
      <ProblemNote error={optimize.error ?? whyNot.error ?? frontier.error} />
      <OptimizeProgressView
        id={props.id}
        version={data.version}
        active={optimize.isPending}
        runKey={optimize.submittedAt}
        timeLimit={timeLimit}
      />
      {run ? (
        <section aria-labelledby="result-heading" className="budget-result">
          <h2 id="result-heading">Optimizer result</h2>
          <dl className="budget-facts">
            <dt>Status</dt>
            <dd data-testid="run-status">{run.status}</dd>
            <dt>Benefit</dt>
            <dd data-testid="run-objective">{formatMoney(run.objective)}</dd>
            <dt>Proven bound</dt>
            <dd>{formatMoney(run.bound)}</dd>
            <dt>Gap</dt>
            <dd>{percent(run.gap)}</dd>
            <dt>Every rule kept</dt>
            <dd>{run.rules_satisfied ? 'yes' : 'no'}</dd>
            <dt>Greedy by benefit per dollar</dt>
            <dd>
              {run.greedy
                ? `${formatMoney(run.greedy.objective)}${run.greedy.satisfies_rules ? '' : ` — breaks ${run.greedy.broken.map((b) => b.label).join('; ')}`}`
                : '–'}
            </dd>
          </dl>
          {run.conflicts.length ? (
            <p role="alert">Rules in conflict: {run.conflicts.map((c) => c.label).join('; ')}</p>
          ) : null}
          <BindingList binding={run.binding} portfolio={data.portfolio as PortfolioInput} />
        </section>
      ) : (
        <p>Not optimized yet.</p>
      )}
      {editing === 'candidates' ? (
        <CandidateEditor detail={data} onSaved={onSaved('candidates')} onCancel={closeEditor('candidates')} />
      ) : null}
      {editing === 'funding' ? (
        <FundingEditor detail={data} onSaved={onSaved('funding')} onCancel={closeEditor('funding')} />
      ) : (
        <FundingPanel portfolio={data.portfolio as PortfolioInput} run={run} />
      )}
      <h2 hidden={editing === 'candidates'}>Candidates</h2>
      <table className="budget-table" aria-label="Candidate investments" hidden={editing === 'candidates'}>
        <thead>
          <tr>
            <th scope="col">Investment</th>
            <th scope="col">Mission area</th>
            <th scope="col">Benefit</th>
            <th scope="col">Cost</th>
            <th scope="col">Benefit / cost</th>
            <th scope="col">Plan</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => {
            const selected = chosen.get(row.id);
            const answer = explained[row.id];
            return (
              <tr key={row.id} data-investment={row.id} className={selected ? 'chosen' : undefined}>
                <th scope="row">
                  {row.name ?? row.id}
                  {row.must_fund ? <span className="tag"> must fund</span> : null}
                </th>
                <td>{row.mission_area}</td>
                <td className="num">{formatMoney(row.benefit)}</td>
                <td className="num">{formatMoney(row.cost)}</td>
                <td className="num">
                  {row.benefit_per_dollar === null ? '–' : row.benefit_per_dollar.toFixed(2)}
                </td>
                <td>
                  {run
                    ? selected
                      ? `✔ chosen: ${Object.entries(selected.funding)
                          .map(([source, amount]) => `${source} ${formatMoney(amount)}`)
                          .join(', ')}`
                      : '✘ not chosen'
                    : '–'}
                </td>
                <td>
                  {answer ? (
                    <span className="why">{answer.reason}</span>
                  ) : run ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => whyNot.mutate(row.id)}
                      disabled={whyNot.isPending}
                      aria-label={`${selected ? 'Force out' : 'Force in'} ${row.name ?? row.id}`}
                    >
                      {selected ? 'Force out' : 'Force in'}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {run ? <AllocationTable run={run} /> : null}
      {frontier.data ? <FrontierChart frontier={frontier.data} current={data.available} /> : null}
      <ExecutionPanel id={props.id} rows={data.rows} mayRecord={mayEdit} />
    </section>
  );
}
