import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type IncidentItem, icsPositionTitles, incidentTransitions } from '@vigil/core/incident';
import { useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { Link } from '../../app/router.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { formUrl, incidentApi } from './incident-client.ts';
import { incidentWriteAccess } from './incident-write-access.ts';
import { AssignmentsTab, DecisionsTab, LogTab, ObjectivesTab, SitrepsTab } from './RecordTabs.tsx';
import { ResourcesTab } from './ResourcesTab.tsx';
import { incidentStatusColours, StatusTag } from './status-colours.tsx';
import './incident.css';

const tabs = [
  ['objectives', 'Objectives'],
  ['assignments', 'Assignments'],
  ['resources', 'Resources'],
  ['log', 'Log'],
  ['decisions', 'Decisions'],
  ['sitreps', 'Sitreps'],
] as const;
type Tab = (typeof tabs)[number][0];

/** One incident: command, status, printable ICS forms and the records of the response in tabs. */
export function IncidentPage(props: { id: string }) {
  const queryClient = useQueryClient();
  const incident = useQuery({
    queryKey: ['incident', props.id],
    queryFn: () => incidentApi.getIncident(props.id),
  });
  const positions = useQuery({
    queryKey: ['incident-items', props.id, 'positions'],
    queryFn: () => incidentApi.items(props.id, 'positions'),
  });
  const [tab, setTab] = useState<Tab>('objectives');
  const access = incidentWriteAccess(useSignedIn().roles);
  useMarkingBanner(incident.data?.marking.tlp ?? null);
  const transition = useMutation({
    mutationFn: (status: Parameters<typeof incidentApi.transition>[1]) =>
      incidentApi.transition(props.id, status),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incident', props.id] }),
  });
  if (incident.error) return <ProblemNote error={incident.error} />;
  const data = incident.data;
  if (!data) return <p className="loading">Loading…</p>;
  const command = (positions.data?.items ?? [])
    .filter((item): item is IncidentItem<'positions'> => item.collection === 'positions')
    .filter((item) => item.body.relievedAt === null);
  return (
    <section className="page" aria-labelledby="incident-title">
      <p>
        <Link to="/incidents">Incident board</Link>
      </p>
      <div className="page-head">
        <h1 id="incident-title">{data.name}</h1>
        <TlpBadge tlp={data.marking.tlp} caveats={data.marking.caveats} />
      </div>
      <p className="ops-meta">
        {data.number} · {data.category}: {data.hazard} · {data.severity}, complexity Type {data.complexity} ·
        started {formatTime(data.startedAt)} ·{' '}
        <StatusTag status={data.status} colour={incidentStatusColours[data.status]} />
      </p>
      {data.description ? <p>{data.description}</p> : null}
      <fieldset className="ops-actions">
        <legend className="visually-hidden">
          {access.incident ? 'Change status and print forms' : 'Print forms'}
        </legend>
        {(access.incident ? incidentTransitions[data.status] : []).map((next) => (
          <button
            key={next}
            type="button"
            onClick={() => transition.mutate(next)}
            disabled={transition.isPending}
          >
            Set {next}
          </button>
        ))}
        <span className="muted">Print:</span>
        {(['ics-201', 'ics-202', 'ics-204', 'ics-209', 'ics-214'] as const).map((form) => (
          <a key={form} href={formUrl(data.id, form, 'html')} target="_blank" rel="noreferrer">
            {form.toUpperCase().replace('ICS-', 'ICS ')}
          </a>
        ))}
      </fieldset>
      <ProblemNote error={transition.error} />
      <p className="ops-meta">
        <strong>Command staff: </strong>
        {command.length
          ? command
              .map((item) => `${icsPositionTitles[item.body.position]}: ${item.body.personName}`)
              .join(' · ')
          : 'No command staff recorded yet.'}
      </p>
      <div role="tablist" aria-label="Incident records" className="ops-tabs">
        {tabs.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="ops-panel">
        {tab === 'objectives' ? <ObjectivesTab incidentId={data.id} mayWrite={access.incident} /> : null}
        {tab === 'assignments' ? <AssignmentsTab incidentId={data.id} mayWrite={access.incident} /> : null}
        {tab === 'resources' ? <ResourcesTab incident={data} mayRequest={access.resourceRequests} /> : null}
        {tab === 'log' ? <LogTab incidentId={data.id} mayWrite={access.incident} /> : null}
        {tab === 'decisions' ? <DecisionsTab incidentId={data.id} mayWrite={access.incident} /> : null}
        {tab === 'sitreps' ? <SitrepsTab incidentId={data.id} mayWrite={access.incident} /> : null}
      </div>
    </section>
  );
}
