import { formatTime } from '../../ui/format-time.ts';
import { TlpBadge } from '../../ui/marking-banner.tsx';
import { type CapAlertItem, capXmlUrl } from './interop-client.ts';
import { signatureShort, signatureText } from './SignatureNote.tsx';

/** Received CAP alerts the user may see, newest first, each downloadable as canonical CAP 1.2 XML. */
export function CapAlertsTable(props: { alerts: CapAlertItem[] | undefined }) {
  if (!props.alerts) return <p className="muted">Loading alerts…</p>;
  if (props.alerts.length === 0) return <p className="muted">No CAP alert received yet.</p>;
  return (
    <table className="interop-table" aria-label="Received CAP alerts">
      <thead>
        <tr>
          <th scope="col">Marking</th>
          <th scope="col">Event and headline</th>
          <th scope="col">Sender</th>
          <th scope="col">Sent</th>
          <th scope="col">Languages</th>
          <th scope="col">Signature</th>
          <th scope="col">XML</th>
        </tr>
      </thead>
      <tbody>
        {props.alerts.map((alert) => (
          <tr key={alert.id} data-cap-identifier={alert.identifier}>
            <td>
              <TlpBadge tlp={alert.marking.tlp} />
            </td>
            <td>
              <strong>{alert.event || '(no event)'}</strong>
              {alert.status !== 'Actual' ? <span className="status-tag"> {alert.status}</span> : null}
              <div>{alert.headline}</div>
              <div className="muted">
                {alert.msgType} · {alert.identifier}
                {alert.areas.length ? ` · ${alert.areas.join('; ')}` : ''}
              </div>
            </td>
            <td>{alert.sender}</td>
            <td>
              <time dateTime={alert.sent}>{alert.sent}</time>
              <div className="muted">received {formatTime(alert.receivedAt)}</div>
            </td>
            <td>{alert.languages.join(', ')}</td>
            <td title={signatureText({ status: alert.signature })}>{signatureShort[alert.signature]}</td>
            <td>
              <a href={capXmlUrl(alert.id)} download={`${alert.identifier.replace(/[^\w.-]+/g, '_')}.xml`}>
                Download XML<span className="visually-hidden"> of {alert.identifier}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
