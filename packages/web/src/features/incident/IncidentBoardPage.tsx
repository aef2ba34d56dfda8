import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type IncidentCategory, incidentCategories } from '@vigil/core/incident';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { incidentApi } from './incident-client.ts';
import { incidentWriteAccess } from './incident-write-access.ts';
import { incidentStatusColours, StatusTag } from './status-colours.tsx';
import './incident.css';

/** The incident board: every incident the user may see, newest first, live. */
export function IncidentBoardPage() {
  const list = useQuery({ queryKey: ['incidents'], queryFn: incidentApi.listIncidents });
  useMarkingBanner(list.data?.items.length ? (list.data.marking as 'CLEAR') : null);
  const [open, setOpen] = useState(false);
  const mayOpen = incidentWriteAccess(useSignedIn().roles).incident;
  return (
    <section className="page" aria-labelledby="incidents-title">
      <div className="page-head">
        <h1 id="incidents-title">Incidents</h1>
        {mayOpen ? (
          <button type="button" className="button" onClick={() => setOpen(!open)} aria-expanded={open}>
            Open an incident
          </button>
        ) : null}
      </div>
      {mayOpen && open ? <NewIncidentForm /> : null}
      <ProblemNote error={list.error} />
      <table className="ops-table" aria-label="Incident board">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Incident</th>
            <th scope="col">Hazard</th>
            <th scope="col">Status</th>
            <th scope="col">Severity</th>
            <th scope="col">Marking</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((incident) => (
            <tr key={incident.id} data-incident-id={incident.id}>
              <td>{incident.number}</td>
              <td>
                <Link to={`/incidents/${incident.id}`}>{incident.name}</Link>
              </td>
              <td>
                {incident.category}: {incident.hazard}
              </td>
              <td>
                <StatusTag status={incident.status} colour={incidentStatusColours[incident.status]} />
              </td>
              <td>
                {incident.severity} · Type {incident.complexity}
              </td>
              <td>
                <TlpBadge tlp={incident.marking.tlp} caveats={incident.marking.caveats} />
              </td>
              <td>
                <time dateTime={incident.startedAt}>{formatTime(incident.startedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && list.data.items.length === 0 ? <p className="muted">No incident you may see.</p> : null}
    </section>
  );
}

function NewIncidentForm() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: '',
    category: 'natural',
    hazard: '',
    lat: '37.54',
    lon: '-77.43',
    tlp: 'GREEN',
  });
  const create = useMutation({
    mutationFn: () =>
      incidentApi.createIncident({
        name: form.name,
        category: form.category as IncidentCategory,
        hazard: form.hazard,
        description: '',
        severity: 'moderate',
        complexity: 3,
        lat: Number(form.lat),
        lon: Number(form.lon),
        jurisdictions: [],
        marking: { tlp: form.tlp as 'GREEN' },
      }),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      navigate(`/incidents/${incident.id}`);
    },
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="ops-form" onSubmit={submit} aria-label="Open an incident">
      <label>
        Name
        <input required value={form.name} onChange={(e) => set('name')(e.target.value)} />
      </label>
      <label>
        Category
        <select value={form.category} onChange={(e) => set('category')(e.target.value)}>
          {incidentCategories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Hazard
        <input
          required
          value={form.hazard}
          onChange={(e) => set('hazard')(e.target.value)}
          placeholder="hurricane"
        />
      </label>
      <label>
        Latitude
        <input required inputMode="decimal" value={form.lat} onChange={(e) => set('lat')(e.target.value)} />
      </label>
      <label>
        Longitude
        <input required inputMode="decimal" value={form.lon} onChange={(e) => set('lon')(e.target.value)} />
      </label>
      <label>
        Marking
        <select value={form.tlp} onChange={(e) => set('tlp')(e.target.value)}>
          {['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'].map((tlp) => (
            <option key={tlp} value={tlp}>
              TLP:{tlp}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={create.isPending}>
        Open
      </button>
      <ProblemNote error={create.error} />
    </form>
  );
}
