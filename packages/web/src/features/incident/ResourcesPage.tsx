import { useQuery } from '@tanstack/react-query';
import { resourceStatuses } from '@vigil/core/resources';
import { useState } from 'react';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { useDirectory } from '../bulletins/use-directory.ts';
import { incidentApi } from './incident-client.ts';
import { resourceStatusColours, StatusTag } from './status-colours.tsx';
import './incident.css';

/** The NIMS-typed inventory the user may see, with counts per status; updates live. */
export function ResourcesPage() {
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const query = `${status ? `&status=${status}` : ''}${type ? `&type=${encodeURIComponent(type)}` : ''}`;
  const list = useQuery({
    queryKey: ['resources', 'inventory', query],
    queryFn: () => incidentApi.listResources(query),
  });
  const types = useQuery({
    queryKey: ['resource-types'],
    queryFn: incidentApi.resourceTypes,
    staleTime: Infinity,
  });
  const directory = useDirectory();
  const counts = resourceStatuses.map(
    (s) => [s, list.data?.items.filter((r) => r.status === s).length ?? 0] as const,
  );
  return (
    <section className="page" aria-labelledby="resources-title">
      <div className="page-head">
        <h1 id="resources-title">Resources</h1>
      </div>
      <search className="filters" aria-label="Filter resources">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            {resourceStatuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Kind and type
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Any</option>
            {types.data?.items.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </search>
      <p className="ops-meta" aria-live="polite">
        {list.data ? `${list.data.total} resources` : 'Loading…'} ·{' '}
        {counts.map(([s, n]) => (
          <span key={s} className="ops-count">
            <StatusTag status={s} colour={resourceStatusColours[s]} /> {n}
          </span>
        ))}
      </p>
      <ProblemNote error={list.error} />
      <table className="ops-table" aria-label="Resource inventory">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Kind and type</th>
            <th scope="col">Category</th>
            <th scope="col">Agency</th>
            <th scope="col">Status</th>
            <th scope="col">Rate (USD/h)</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((resource) => (
            <tr key={resource.id} data-resource-id={resource.id}>
              <td>{resource.name}</td>
              <td>{resource.typeLabel}</td>
              <td>{resource.category ?? 'locally typed'}</td>
              <td>{directory.agencyName(resource.agencyId)}</td>
              <td>
                <StatusTag status={resource.status} colour={resourceStatusColours[resource.status]} />
              </td>
              <td>{resource.costRateUsdPerHour.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
