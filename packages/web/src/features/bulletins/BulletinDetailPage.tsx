import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { vigilClient } from '../../api/vigil-client.ts';
import { Link } from '../../app/router.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { useDirectory } from './use-directory.ts';

export function BulletinDetailPage(props: { id: string }) {
  const user = useSignedIn();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const bulletin = useQuery({
    queryKey: ['bulletin', props.id],
    queryFn: () => vigilClient.getBulletin(props.id),
  });
  const history = useQuery({
    queryKey: ['bulletin-history', props.id],
    queryFn: () => vigilClient.bulletinHistory(props.id),
  });
  const [reason, setReason] = useState('');
  const retract = useMutation({
    mutationFn: () => vigilClient.retractBulletin(props.id, reason),
    onSuccess: (updated) => {
      queryClient.setQueryData(['bulletin', props.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['bulletins'] });
    },
  });
  useMarkingBanner(bulletin.data?.marking.tlp ?? null);

  if (bulletin.error) {
    return (
      <section className="page">
        <h1>Bulletin</h1>
        <ProblemNote error={bulletin.error} />
        <Link to="/bulletins">Back to bulletins</Link>
      </section>
    );
  }
  const b = bulletin.data;
  if (!b) return <p className="loading">Loading…</p>;
  const mayRetract = b.status === 'published' && b.marking.ownerAgencyId === user.agencyId;
  const onRetract = (event: FormEvent) => {
    event.preventDefault();
    retract.mutate();
  };
  return (
    <article className="page bulletin-detail" aria-labelledby="bulletin-title">
      <p>
        <Link to="/bulletins">← Bulletins</Link>
      </p>
      <div className="card-top">
        <TlpBadge tlp={b.marking.tlp} caveats={b.marking.caveats} />
        {b.status === 'retracted' ? <span className="status-tag">Retracted</span> : null}
      </div>
      <h1 id="bulletin-title">{b.title}</h1>
      <p className="muted">
        {directory.agencyName(b.marking.ownerAgencyId)} · posted {formatTime(b.createdAt)} by{' '}
        {directory.userName(b.authorUserId)}
        {b.updatedAt !== b.createdAt ? ` · updated ${formatTime(b.updatedAt)}` : ''}
      </p>
      {b.marking.shareWith.length ? (
        <p>
          Shared with:{' '}
          {b.marking.shareWith
            .map((id) => (b.marking.tlp === 'RED' ? directory.userName(id) : directory.agencyName(id)))
            .join('; ')}
        </p>
      ) : null}
      {b.status === 'retracted' ? (
        <p className="notice">
          Retracted {b.retractedAt ? formatTime(b.retractedAt) : ''}: {b.retractionReason}
        </p>
      ) : null}
      <div className="bulletin-body">{b.body}</div>
      {mayRetract ? (
        <form className="retract" onSubmit={onRetract}>
          <label htmlFor="retract-reason">Reason for retraction</label>
          <input
            id="retract-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            maxLength={1000}
          />
          <button type="submit" className="danger" disabled={retract.isPending}>
            Retract bulletin
          </button>
          <ProblemNote error={retract.error} />
        </form>
      ) : null}
      <h2>History</h2>
      <ol className="history">
        {history.data?.items.map((entry) => (
          <li key={entry.seq}>
            <time dateTime={entry.at}>{formatTime(entry.at)}</time> {entry.action.replace('bulletin.', '')}
            {entry.actorUserId ? ` by ${directory.userName(entry.actorUserId)}` : ''}
            {entry.tlp ? <span className="muted"> (under TLP:{entry.tlp})</span> : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
