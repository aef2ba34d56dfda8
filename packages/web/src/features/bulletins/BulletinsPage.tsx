import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { tlpLabels } from '@vigil/core/access';
import { useState } from 'react';
import { vigilClient } from '../../api/vigil-client.ts';
import { Link } from '../../app/router.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { useDirectory } from './use-directory.ts';

type Filters = { tlp: string; agencyId: string; q: string; status: string };

/** Bulletins the user may see, newest first, filtered by marking, agency and text; new ones arrive live. */
export function BulletinsPage() {
  const [filters, setFilters] = useState<Filters>({ tlp: '', agencyId: '', q: '', status: '' });
  const directory = useDirectory();
  const query = {
    ...(filters.tlp ? { tlp: filters.tlp as (typeof tlpLabels)[number] } : {}),
    ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.status ? { status: filters.status as 'published' | 'retracted' } : {}),
    limit: 100,
  };
  const list = useQuery({
    queryKey: ['bulletins', query],
    queryFn: () => vigilClient.listBulletins(query),
    placeholderData: keepPreviousData,
  });
  useMarkingBanner(list.data?.items.length ? list.data.marking : null);
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className="page" aria-labelledby="bulletins-title">
      <div className="page-head">
        <h1 id="bulletins-title">Bulletins</h1>
        <Link to="/bulletins/new" className="button">
          New bulletin
        </Link>
      </div>
      <search className="filters" aria-label="Filter bulletins">
        <label>
          Marking
          <select value={filters.tlp} onChange={(e) => set('tlp')(e.target.value)}>
            <option value="">All labels</option>
            {tlpLabels.map((label) => (
              <option key={label} value={label}>
                TLP:{label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agency
          <select value={filters.agencyId} onChange={(e) => set('agencyId')(e.target.value)}>
            <option value="">All agencies</option>
            {directory.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="">Any</option>
            <option value="published">Published</option>
            <option value="retracted">Retracted</option>
          </select>
        </label>
        <label className="grow">
          Search
          <input
            type="search"
            value={filters.q}
            onChange={(e) => set('q')(e.target.value)}
            placeholder="Title or text"
          />
        </label>
      </search>
      <ProblemNote error={list.error} />
      <p className="muted" aria-live="polite">
        {list.data ? `${list.data.total} bulletin${list.data.total === 1 ? '' : 's'}` : 'Loading…'}
      </p>
      <ul className="bulletin-list" aria-label="Bulletins">
        {list.data?.items.map((bulletin) => (
          <li
            key={bulletin.id}
            className={`bulletin-card status-${bulletin.status}`}
            data-bulletin-id={bulletin.id}
          >
            <div className="card-top">
              <TlpBadge tlp={bulletin.marking.tlp} caveats={bulletin.marking.caveats} />
              {bulletin.status === 'retracted' ? <span className="status-tag">Retracted</span> : null}
              <time dateTime={bulletin.createdAt} className="muted">
                {formatTime(bulletin.createdAt)}
              </time>
            </div>
            <h2>
              <Link to={`/bulletins/${bulletin.id}`}>{bulletin.title}</Link>
            </h2>
            <p className="muted">{directory.agencyName(bulletin.marking.ownerAgencyId)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
