import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentCollection, IncidentItem } from '@vigil/core/incident';
import { type FormEvent, type ReactNode, useState } from 'react';
import { formatTime } from '../../ui/format-time.ts';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { formUrl, incidentApi } from './incident-client.ts';

function useItems<C extends IncidentCollection>(incidentId: string, collection: C) {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['incident-items', incidentId, collection],
    queryFn: async () => (await incidentApi.items(incidentId, collection)).items as IncidentItem<C>[],
  });
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => incidentApi.addItem(incidentId, collection, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incident-items', incidentId] }),
  });
  const update = useMutation({
    mutationFn: (input: { itemId: string; body: Record<string, unknown> }) =>
      incidentApi.updateItem(incidentId, collection, input.itemId, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incident-items', incidentId] }),
  });
  return { list, add, update };
}

/** A small form that resets after a successful add. */
function AddForm(props: {
  label: string;
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
  error: unknown;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = Object.fromEntries(
      [...new FormData(form).entries()].map(([key, value]) => [key, String(value)]),
    );
    setBusy(true);
    try {
      await props.onSubmit(values);
      form.reset();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ops-form" aria-label={props.label} onSubmit={(e) => void submit(e)}>
      {props.children}
      <button type="submit" className="button" disabled={busy}>
        {props.label}
      </button>
      <ProblemNote error={props.error} />
    </form>
  );
}

/** `mayWrite`: the user holds incident.write; without it a tab only shows its records. */
type TabProps = { incidentId: string; mayWrite: boolean };

function usePeriods(incidentId: string) {
  return useItems(incidentId, 'periods').list.data ?? [];
}

export function ObjectivesTab(props: TabProps) {
  const { list, add, update } = useItems(props.incidentId, 'objectives');
  const periods = useItems(props.incidentId, 'periods');
  const latest = periods.list.data?.at(-1);
  return (
    <>
      <h2>Operational periods and objectives (ICS 202)</h2>
      {(periods.list.data ?? []).map((period) => (
        <p key={period.id} className="ops-meta">
          Operational Period {period.number}: {formatTime(period.body.startsAt)} –{' '}
          {formatTime(period.body.endsAt)}. {period.body.commandEmphasis}{' '}
          <a href={formUrl(props.incidentId, 'ics-202', 'html', period.id)} target="_blank" rel="noreferrer">
            ICS 202
          </a>
        </p>
      ))}
      {props.mayWrite && !latest ? (
        <AddForm
          label="Start operational period 1"
          error={periods.add.error}
          onSubmit={() => {
            const now = Date.now();
            return periods.add.mutateAsync({
              startsAt: new Date(now).toISOString(),
              endsAt: new Date(now + 12 * 3_600_000).toISOString(),
            });
          }}
        >
          <span className="muted">Twelve hours from now.</span>
        </AddForm>
      ) : null}
      <ol className="ops-list" aria-label="Objectives">
        {list.data?.map((item) => (
          <li key={item.id}>
            {item.body.text} <span className="muted">[{item.body.status}]</span>{' '}
            {props.mayWrite && item.body.status === 'open' ? (
              <button
                type="button"
                className="link-button"
                onClick={() => update.mutate({ itemId: item.id, body: { status: 'met' } })}
              >
                Mark met
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {props.mayWrite && latest ? (
        <AddForm
          label="Add objective"
          error={add.error}
          onSubmit={(values) => add.mutateAsync({ periodId: latest.id, text: values.text })}
        >
          <label className="grow">
            Objective
            <input name="text" required />
          </label>
        </AddForm>
      ) : null}
    </>
  );
}

export function AssignmentsTab(props: TabProps) {
  const { list, add } = useItems(props.incidentId, 'assignments');
  const periods = usePeriods(props.incidentId);
  const latest = periods.at(-1);
  return (
    <>
      <h2>Work assignments (ICS 204)</h2>
      <ul className="ops-list" aria-label="Assignments">
        {list.data?.map((item) => (
          <li key={item.id}>
            <strong>{item.body.divisionGroup}</strong> ({item.body.supervisor || 'no supervisor'}):{' '}
            {item.body.workAssignment}{' '}
            <a href={formUrl(props.incidentId, 'ics-204', 'html', item.id)} target="_blank" rel="noreferrer">
              ICS 204
            </a>
          </li>
        ))}
      </ul>
      {!props.mayWrite ? null : latest ? (
        <AddForm
          label="Add assignment"
          error={add.error}
          onSubmit={(v) => add.mutateAsync({ periodId: latest.id, ...v })}
        >
          <label>
            Division/Group
            <input name="divisionGroup" required />
          </label>
          <label>
            Supervisor
            <input name="supervisor" />
          </label>
          <label className="grow">
            Work assignment
            <input name="workAssignment" required />
          </label>
        </AddForm>
      ) : (
        <p className="muted">Start an operational period first (Objectives tab).</p>
      )}
    </>
  );
}

export function LogTab(props: TabProps) {
  const { list, add } = useItems(props.incidentId, 'log');
  return (
    <>
      <h2>Activity log (ICS 214)</h2>
      <ul className="ops-list" aria-label="Activity log">
        {list.data?.map((item) => (
          <li key={item.id} className={item.body.significant ? 'ops-significant' : undefined}>
            <time dateTime={item.body.at}>{formatTime(item.body.at)}</time>{' '}
            {item.body.significant ? <strong>Significant: </strong> : null}
            {item.body.activity}
          </li>
        ))}
      </ul>
      {props.mayWrite ? (
        <AddForm
          label="Log activity"
          error={add.error}
          onSubmit={(v) => add.mutateAsync({ activity: v.activity, significant: v.significant === 'on' })}
        >
          <label className="grow">
            Activity
            <input name="activity" required />
          </label>
          <label className="choice-inline">
            <input type="checkbox" name="significant" /> Significant event
          </label>
        </AddForm>
      ) : null}
    </>
  );
}

export function DecisionsTab(props: TabProps) {
  const { list, add, update } = useItems(props.incidentId, 'decisions');
  return (
    <>
      <h2>Decision log</h2>
      {list.data?.map((item) => (
        <article key={item.id} className="ops-decision" aria-label={`Decision ${item.number}`}>
          <h3>{item.body.question}</h3>
          <ul>
            {item.body.options.map((option) => (
              <li key={option.label}>
                {option.label === item.body.chosenOption ? (
                  <strong>Chosen: {option.label}</strong>
                ) : (
                  option.label
                )}
                {option.description ? <span className="muted"> — {option.description}</span> : null}
              </li>
            ))}
          </ul>
          <p>
            <strong>Rationale:</strong> {item.body.rationale}
          </p>
          {item.body.criteria.length ? (
            <p className="muted">Criteria: {item.body.criteria.join('; ')}</p>
          ) : null}
          {item.body.informationUsed.length ? (
            <p className="muted">
              Information used: {item.body.informationUsed.map((info) => info.label).join('; ')}
            </p>
          ) : null}
          <p className="muted">
            {item.body.decidedByName} {item.body.decidedByPosition ? `(${item.body.decidedByPosition})` : ''},{' '}
            {formatTime(item.body.decidedAt)}, confidence {item.body.confidence}
          </p>
          {item.body.outcome ? (
            <p>
              <strong>Outcome</strong> ({formatTime(item.body.outcomeRecordedAt ?? '')}): {item.body.outcome}
            </p>
          ) : !props.mayWrite ? (
            <p className="muted">No outcome recorded yet.</p>
          ) : (
            <AddForm
              label="Record outcome"
              error={update.error}
              onSubmit={(v) => update.mutateAsync({ itemId: item.id, body: { outcome: v.outcome } })}
            >
              <label className="grow">
                Outcome
                <input name="outcome" required />
              </label>
            </AddForm>
          )}
        </article>
      ))}
      {props.mayWrite ? (
        <AddForm
          label="Log decision"
          error={add.error}
          onSubmit={(v) =>
            add.mutateAsync({
              question: v.question,
              options: (v.options ?? '')
                .split('\n')
                .map((label) => ({ label: label.trim() }))
                .filter((o) => o.label),
              chosenOption: v.chosenOption,
              rationale: v.rationale,
              criteria: (v.criteria ?? '')
                .split(';')
                .map((c) => c.trim())
                .filter(Boolean),
              decidedByName: v.decidedByName,
              confidence: v.confidence,
            })
          }
        >
          <label className="grow">
            Question
            <input name="question" required />
          </label>
          <label>
            Options considered (one per line)
            <textarea name="options" rows={3} required />
          </label>
          <label>
            Chosen option
            <input name="chosenOption" required />
          </label>
          <label>
            Criteria (separated by ;)
            <input name="criteria" />
          </label>
          <label className="grow">
            Rationale
            <input name="rationale" required />
          </label>
          <label>
            Decided by
            <input name="decidedByName" required />
          </label>
          <label>
            Confidence
            <select name="confidence" defaultValue="medium">
              <option>low</option>
              <option>medium</option>
              <option>high</option>
            </select>
          </label>
        </AddForm>
      ) : null}
    </>
  );
}

export function SitrepsTab(props: TabProps) {
  const { list, add } = useItems(props.incidentId, 'sitreps');
  return (
    <>
      <h2>Situation reports (ICS 209)</h2>
      <ul className="ops-list" aria-label="Situation reports">
        {list.data?.map((item) => (
          <li key={item.id}>
            #{item.number} {item.body.reportVersion}, {formatTime(item.body.fromTime)} –{' '}
            {formatTime(item.body.toTime)}: {item.body.percentContained} % contained; evacuated{' '}
            {item.body.civilians.evacuated}, in shelters {item.body.civilians.inTemporaryShelters}. Needs:{' '}
            {item.body.criticalResourceNeeds || '—'}{' '}
            <a href={formUrl(props.incidentId, 'ics-209', 'html', item.id)} target="_blank" rel="noreferrer">
              ICS 209
            </a>
          </li>
        ))}
      </ul>
      {props.mayWrite ? (
        <AddForm
          label="File sitrep"
          error={add.error}
          onSubmit={(v) => {
            const now = Date.now();
            return add.mutateAsync({
              reportVersion: list.data?.length ? 'update' : 'initial',
              fromTime: new Date(now - 12 * 3_600_000).toISOString(),
              toTime: new Date(now).toISOString(),
              percentContained: Number(v.percentContained || 0),
              criticalResourceNeeds: v.criticalResourceNeeds,
              remarks: v.remarks,
            });
          }}
        >
          <label>
            % contained
            <input name="percentContained" type="number" min={0} max={100} defaultValue={0} />
          </label>
          <label className="grow">
            Critical resource needs
            <input name="criticalResourceNeeds" />
          </label>
          <label className="grow">
            Remarks
            <input name="remarks" />
          </label>
        </AddForm>
      ) : null}
    </>
  );
}
