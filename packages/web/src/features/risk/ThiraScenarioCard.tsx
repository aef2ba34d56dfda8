import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkingInput } from '@vigil/core/access';
import type { CapabilityTarget, RiskRecord, SprAssessment, ThiraScenario } from '@vigil/core/risk';
import { type FormEvent, useState } from 'react';
import { TlpBadge } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { riskClient } from './risk-client.ts';

const poeteAreas = ['planning', 'organization', 'equipment', 'training', 'exercises'] as const;

/** One THIRA scenario with its capability targets, each with its SPR assessments and forms to add more. */
export function ThiraScenarioCard(props: { scenario: RiskRecord; canWrite: boolean }) {
  const data = props.scenario.data as ThiraScenario;
  const targets = useQuery({
    queryKey: ['risk', 'capability-targets', props.scenario.id],
    queryFn: () => riskClient.list('capability-targets', props.scenario.id),
  });
  return (
    <article className="risk-card" aria-labelledby={`scenario-${props.scenario.id}`}>
      <TlpBadge tlp={props.scenario.marking.tlp} caveats={props.scenario.marking.caveats} />
      <h3 id={`scenario-${props.scenario.id}`}>{data.title}</h3>
      <p className="muted">
        {data.threatType}
        {data.hazard ? ` · NRI ${data.hazard}` : ''}
      </p>
      <p>{data.context}</p>
      {data.impacts.length ? (
        <p>
          Impacts:{' '}
          {data.impacts
            .map((impact) => `${impact.value.toLocaleString('en-US')} ${impact.metric}`)
            .join('; ')}
        </p>
      ) : null}
      <h4>Capability targets</h4>
      {targets.data?.items.map((target) => (
        <TargetItem
          key={target.id}
          target={target}
          canWrite={props.canWrite}
          marking={props.scenario.marking.tlp}
        />
      ))}
      {props.canWrite ? <NewTargetForm scenarioId={props.scenario.id} /> : null}
    </article>
  );
}

function TargetItem(props: { target: RiskRecord; canWrite: boolean; marking: MarkingInput['tlp'] }) {
  const data = props.target.data as CapabilityTarget;
  const assessments = useQuery({
    queryKey: ['risk', 'spr-assessments', props.target.id],
    queryFn: () => riskClient.list('spr-assessments', props.target.id),
  });
  return (
    <section className="risk-card" aria-label={`Target: ${data.coreCapability}`}>
      <strong>{data.coreCapability}</strong>: {String(props.target.derived.statement ?? '')}
      <ul>
        {assessments.data?.items.map((assessment) => {
          const spr = assessment.data as SprAssessment;
          return (
            <li key={assessment.id}>
              SPR {spr.year}:{' '}
              {spr.current.map((q) => `${q.value.toLocaleString('en-US')} ${q.metric}`).join('; ')} ·
              confidence {spr.confidence} · POETE{' '}
              {poeteAreas.map((area) => `${area[0]?.toUpperCase()}${spr.poete[area]}`).join(' ')} ·{' '}
              {spr.evidence}
            </li>
          );
        })}
      </ul>
      {props.canWrite ? <NewAssessmentForm target={props.target} tlp={props.marking} /> : null}
    </section>
  );
}

function NewTargetForm(props: { scenarioId: string }) {
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['risk', 'reference'], queryFn: riskClient.reference });
  const [form, setForm] = useState({
    capability: 'Infrastructure Systems',
    metric: '',
    value: '',
    time: '72',
    unit: 'hours',
    statement: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      riskClient.create(
        'capability-targets',
        {
          scenarioId: props.scenarioId,
          coreCapability: form.capability,
          criticalTasks: [{ metric: form.metric, value: Number(form.value) }],
          timeframe: { value: Number(form.time), unit: form.unit },
          statement: form.statement,
        },
        { tlp: 'GREEN' },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['risk'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const id = `target-form-${props.scenarioId}`;
  return (
    <form className="risk-form" onSubmit={submit} aria-labelledby={id}>
      <h4 id={id}>New capability target (TLP:GREEN)</h4>
      <label>
        Core capability
        <select value={form.capability} onChange={(e) => set('capability')(e.target.value)}>
          {reference.data?.coreCapabilities.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.missionAreas.join(', ')})
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          Critical task metric
          <input
            value={form.metric}
            onChange={(e) => set('metric')(e.target.value)}
            required
            placeholder="% of hospitals with power restored"
          />
        </label>
        <label>
          Target number
          <input
            type="number"
            min="0"
            value={form.value}
            onChange={(e) => set('value')(e.target.value)}
            required
          />
        </label>
        <label>
          Within
          <input
            type="number"
            min="1"
            value={form.time}
            onChange={(e) => set('time')(e.target.value)}
            required
          />
        </label>
        <label>
          Unit
          <select value={form.unit} onChange={(e) => set('unit')(e.target.value)}>
            {['hours', 'days', 'weeks', 'months'].map((unit) => (
              <option key={unit}>{unit}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Target statement (composed from the parts when empty)
        <input value={form.statement} onChange={(e) => set('statement')(e.target.value)} />
      </label>
      <ProblemNote error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        Add target
      </button>
    </form>
  );
}

function NewAssessmentForm(props: { target: RiskRecord; tlp: MarkingInput['tlp'] }) {
  const queryClient = useQueryClient();
  const target = props.target.data as CapabilityTarget;
  const [year, setYear] = useState('2026');
  const [current, setCurrent] = useState<Record<string, string>>({});
  const [confidence, setConfidence] = useState('medium');
  const [poete, setPoete] = useState<Record<string, string>>({
    planning: '3',
    organization: '3',
    equipment: '3',
    training: '3',
    exercises: '3',
  });
  const [evidence, setEvidence] = useState('');
  const create = useMutation({
    mutationFn: () =>
      riskClient.create(
        'spr-assessments',
        {
          targetId: props.target.id,
          year: Number(year),
          current: target.criticalTasks.map((task) => ({
            metric: task.metric,
            value: Number(current[task.metric] ?? 0),
          })),
          confidence,
          poete: Object.fromEntries(poeteAreas.map((area) => [area, Number(poete[area])])),
          evidence,
        },
        { tlp: 'GREEN' },
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['risk'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const id = `spr-form-${props.target.id}`;
  return (
    <details>
      <summary>Add an SPR assessment</summary>
      <form className="risk-form" onSubmit={submit} aria-labelledby={id}>
        <h5 id={id}>SPR assessment (TLP:GREEN)</h5>
        <div className="row">
          <label>
            Year
            <input
              type="number"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              min="2000"
              max="2200"
            />
          </label>
          {target.criticalTasks.map((task) => (
            <label key={task.metric}>
              Current: {task.metric} (target {task.value})
              <input
                type="number"
                min="0"
                value={current[task.metric] ?? ''}
                onChange={(e) => setCurrent((c) => ({ ...c, [task.metric]: e.target.value }))}
                required
              />
            </label>
          ))}
          <label>
            Confidence
            <select value={confidence} onChange={(e) => setConfidence(e.target.value)}>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
            </select>
          </label>
        </div>
        <div className="row">
          {poeteAreas.map((area) => (
            <label key={area}>
              {area} (1–5)
              <select
                value={poete[area]}
                onChange={(e) => setPoete((p) => ({ ...p, [area]: e.target.value }))}
              >
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <label>
          Evidence
          <textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={2} required />
        </label>
        <ProblemNote error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          Save assessment
        </button>
      </form>
    </details>
  );
}
