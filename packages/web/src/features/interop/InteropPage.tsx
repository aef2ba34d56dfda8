import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { mostRestrictiveTlp, type TlpLabel } from '@vigil/core/access';
import { useState } from 'react';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { CapAlertsTable } from './CapAlertsTable.tsx';
import { DocumentCheck } from './DocumentCheck.tsx';
import { interopClient } from './interop-client.ts';
import { StixCollections } from './StixCollections.tsx';
import './interop.css';

/**
 * Standards exchange: check a CAP alert or a STIX bundle and ingest it, then browse what was
 * received. The banner carries the most restrictive marking of what the page shows.
 */
export function InteropPage() {
  const [collectionId, setCollectionId] = useState('');
  const [type, setType] = useState('');
  const alerts = useQuery({ queryKey: ['interop', 'cap'], queryFn: interopClient.capAlerts });
  const collections = useQuery({ queryKey: ['interop', 'collections'], queryFn: interopClient.collections });
  const readable = collections.data?.items.filter((c) => c.canRead) ?? [];
  const current = readable.find((c) => c.id === collectionId)?.id ?? readable[0]?.id ?? '';
  const objects = useQuery({
    queryKey: ['interop', 'objects', current, type],
    queryFn: () => interopClient.collectionObjects(current, type),
    enabled: current !== '',
    placeholderData: keepPreviousData,
  });
  const shown: TlpLabel[] = [
    ...(alerts.data?.items.map((a) => a.marking.tlp) ?? []),
    ...(objects.data?.items.map((o) => o.marking.tlp) ?? []),
  ];
  useMarkingBanner(shown.length ? mostRestrictiveTlp(shown) : null);

  return (
    <section className="page interop-page" aria-labelledby="interop-title">
      <div className="page-head">
        <h1 id="interop-title">Interop</h1>
        <p className="muted">CAP 1.2 · EDXL-DE · STIX 2.1 · TAXII 2.1 (/taxii2/)</p>
      </div>
      <DocumentCheck writableCollections={collections.data?.items.filter((c) => c.canWrite) ?? []} />
      <section aria-labelledby="cap-alerts-title">
        <h2 id="cap-alerts-title">Received CAP alerts</h2>
        <ProblemNote error={alerts.error} />
        <CapAlertsTable alerts={alerts.data?.items} />
      </section>
      <section aria-labelledby="stix-title">
        <h2 id="stix-title">Cyber threat intelligence (TAXII collections)</h2>
        <ProblemNote error={collections.error ?? objects.error} />
        <StixCollections
          collections={collections.data?.items}
          collectionId={current}
          onCollection={setCollectionId}
          type={type}
          onType={setType}
          objects={objects.data?.items}
          more={objects.data?.more ?? false}
        />
      </section>
    </section>
  );
}
