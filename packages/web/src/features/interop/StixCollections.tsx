import { useId } from 'react';
import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge } from '../../ui/marking-banner.tsx';
import type { CollectionItem, StixObjectItem } from './interop-client.ts';

const commonTypes = [
  'indicator',
  'malware',
  'attack-pattern',
  'vulnerability',
  'threat-actor',
  'identity',
  'report',
  'relationship',
];

/**
 * The STIX objects of the TAXII collections the user's agency may read: the latest version of
 * each that the user may see (the server applies the markings; what is hidden is simply not there).
 */
export function StixCollections(props: {
  collections: CollectionItem[] | undefined;
  collectionId: string;
  onCollection(id: string): void;
  type: string;
  onType(type: string): void;
  objects: StixObjectItem[] | undefined;
  more: boolean;
}) {
  const ids = useId();
  const readable = props.collections?.filter((c) => c.canRead) ?? [];
  if (!props.collections) return <p className="muted">Loading collections…</p>;
  if (readable.length === 0) {
    return <p className="muted">No TAXII collection is shared with your agency.</p>;
  }
  const current = readable.find((c) => c.id === props.collectionId);
  return (
    <div>
      <div className="filters">
        <label>
          Collection
          <select value={props.collectionId} onChange={(e) => props.onCollection(e.target.value)}>
            {readable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={props.type} onChange={(e) => props.onType(e.target.value)}>
            <option value="">All types</option>
            {commonTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      </div>
      {current?.description ? <p className="muted">{current.description}</p> : null}
      {!props.objects ? (
        <p className="muted">Loading objects…</p>
      ) : (
        <table className="interop-table" aria-labelledby={`${ids}-caption`}>
          <caption id={`${ids}-caption`} className="visually-hidden">
            STIX objects in {current?.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">Marking</th>
              <th scope="col">Type</th>
              <th scope="col">Name</th>
              <th scope="col">Version (modified)</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {props.objects.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  Nothing here you may see.
                </td>
              </tr>
            ) : null}
            {props.objects.map((o) => (
              <tr key={o.id} data-stix-id={o.id}>
                <td>
                  <TlpBadge tlp={o.marking.tlp} />
                </td>
                <td>{o.type}</td>
                <td>
                  {o.name}
                  <div className="muted">
                    <code>{o.id}</code>
                  </div>
                </td>
                <td>{o.version}</td>
                <td>{formatTime(o.dateAdded)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.more ? <p className="muted">More objects than shown; filter by type.</p> : null}
    </div>
  );
}
