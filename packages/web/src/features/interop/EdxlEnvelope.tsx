import type { ResourceRequest } from '@vigil/core/standards/edxl';
import type { ReactNode } from 'react';
import { CapVerdictCard } from './CapVerdictCard.tsx';
import { IssueList } from './IssueList.tsx';
import type { EdxlEnvelopeView, EdxlPayloadView } from './interop-client.ts';

const kindName: Record<EdxlPayloadView['kind'], string> = {
  cap: 'CAP alert',
  'edxl-rm': 'EDXL-RM resource message',
  xml: 'Other XML content',
  'non-xml': 'Non-XML content',
};

/** A row of the envelope's header; an absent value says so instead of leaving a blank. */
function Field(props: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.name}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

const none = <span className="muted">none</span>;

/** The root element of embedded XML that is neither CAP nor EDXL-RM, so the reader knows what it is. */
function rootOf(xml: string | undefined): string {
  const tag = /<(?:[\w.-]+:)?([\w.-]+)[^>]*?\sxmlns(?::[\w.-]+)?=["']([^"']*)["']/.exec(xml ?? '');
  return tag ? `${tag[1]} (${tag[2]})` : 'unknown';
}

/** How many bytes base64 `contentData` carries, without decoding it. */
function decodedBytes(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  return Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
}

function ResourceRequestView(props: { request: ResourceRequest }) {
  const { request } = props;
  return (
    <div className="edxl-rm">
      <h5>
        EDXL-RM {request.messageType} <code>{request.messageID}</code>
      </h5>
      <p className="muted">
        sent {request.sentDateTime || 'at an unstated time'}
        {request.incidentIDs.length ? ` · incident ${request.incidentIDs.join(', ')}` : ''}
        {request.originatingMessageID ? ` · answers ${request.originatingMessageID}` : ''}
      </p>
      {request.contacts.length ? (
        <p>
          Contacts:{' '}
          {request.contacts.map((c) => `${c.role}${c.location ? ` (${c.location})` : ''}`).join('; ')}
        </p>
      ) : null}
      <table className="interop-table">
        <caption>Resources requested in {request.messageID}</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Type (NIMS)</th>
            <th scope="col">Quantity</th>
            <th scope="col">Report to</th>
          </tr>
        </thead>
        <tbody>
          {request.items.map((item) => (
            <tr key={item.resourceInfoElementID}>
              <td>
                {item.name ?? item.typeInfo.Resource ?? <span className="muted">unnamed</span>}
                {item.resourceID ? (
                  <>
                    {' '}
                    <code>{item.resourceID}</code>
                  </>
                ) : null}
              </td>
              <td>
                {item.typeStructure ? item.typeStructure.value : <span className="muted">untyped</span>}
              </td>
              <td>{item.quantity ?? <span className="muted">not stated</span>}</td>
              <td>{item.location ?? <span className="muted">not stated</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ContentObject(props: { payload: EdxlPayloadView; position: number }) {
  const { payload } = props;
  return (
    <li className="edxl-content">
      <h4>
        Content object {props.position}: {kindName[payload.kind]}
      </h4>
      <p>
        {payload.description ?? <span className="muted">No description.</span>}
        {payload.incidentID ? <span className="muted"> · incident {payload.incidentID}</span> : null}
      </p>
      {payload.cap?.length ? (
        <ul className="verdict-list" aria-label={`CAP verdicts of content object ${props.position}`}>
          {payload.cap.map((verdict) => (
            <CapVerdictCard key={verdict.location} verdict={verdict} level={5} />
          ))}
        </ul>
      ) : null}
      {payload.resourceRequest ? <ResourceRequestView request={payload.resourceRequest} /> : null}
      {payload.kind === 'edxl-rm' && !payload.resourceRequest ? (
        <p className="problem">This EDXL-RM message could not be read as a resource request.</p>
      ) : null}
      {payload.kind === 'xml' ? (
        <p>
          Root element <code>{rootOf(payload.xml)}</code>: kept as it is, not checked by Vigil.
        </p>
      ) : null}
      {payload.kind === 'non-xml' ? (
        <p>
          {payload.mimeType ?? 'unknown type'}
          {payload.contentData
            ? `, ${decodedBytes(payload.contentData).toLocaleString('en-US')} bytes inline`
            : ''}
          {payload.uri ? (
            <>
              , at <code>{payload.uri}</code>
            </>
          ) : null}
          : not checked by Vigil.
        </p>
      ) : null}
    </li>
  );
}

/**
 * An EDXL-DE envelope as the server unwrapped it: the routing header (who sent it, when, to
 * which areas, under which confidentiality) and each content object with what it holds — CAP
 * alerts with their verdicts, EDXL-RM messages as resource requests, anything else named.
 */
export function EdxlEnvelope(props: { envelope: EdxlEnvelopeView }) {
  const { envelope: e } = props;
  const valid = e.errors.length === 0;
  const capInvalid = e.payloads.flatMap((p) => p.cap ?? []).filter((v) => !v.valid).length;
  return (
    <div className="verdict edxl-envelope">
      <h3 className={valid ? 'verdict-valid' : 'verdict-invalid'}>
        {valid ? 'Valid' : 'Invalid'} EDXL-DE {e.version} envelope{' '}
        {e.distributionID || '(no distribution id)'}
      </h3>
      <p className="muted">
        {e.payloads.length} content object{e.payloads.length === 1 ? '' : 's'}
        {capInvalid ? `, ${capInvalid} invalid CAP alert${capInvalid === 1 ? '' : 's'}` : ''}
      </p>
      <dl className="edxl-header" aria-label="Envelope header">
        <Field name="Distribution ID">
          <code>{e.distributionID}</code>
        </Field>
        <Field name="Sender">{e.senderID || none}</Field>
        <Field name="Sent">{e.dateTimeSent || none}</Field>
        {e.dateTimeExpires ? <Field name="Expires">{e.dateTimeExpires}</Field> : null}
        <Field name="Status and type">
          {e.distributionStatus || '?'} · {e.distributionType || '?'}
        </Field>
        <Field name="Combined confidentiality">{e.combinedConfidentiality ?? none}</Field>
        {e.language ? <Field name="Language">{e.language}</Field> : null}
        <Field name="Keywords">
          {e.keywords.length ? (
            <ul>
              {e.keywords.map((k) => (
                <li key={`${k.valueList} ${k.values.join(' ')}`}>
                  {k.values.join(', ')} <span className="muted">({k.valueList || 'no value list'})</span>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Field>
        {e.explicitAddresses.length ? (
          <Field name="Explicit addresses">
            <ul>
              {e.explicitAddresses.map((a) => (
                <li key={`${a.scheme} ${a.values.join(' ')}`}>
                  {a.scheme}: {a.values.join(', ')}
                </li>
              ))}
            </ul>
          </Field>
        ) : null}
        <Field name="Target areas">
          {e.targetAreas.length ? (
            <ul>
              {e.targetAreas.map((area, i) => (
                // Areas have no identity of their own; the envelope lists them once.
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once per envelope
                <li key={i}>
                  {[
                    area.subdivision.length ? `subdivision ${area.subdivision.join(', ')}` : '',
                    area.country.length ? `country ${area.country.join(', ')}` : '',
                    area.polygon.length ? `${area.polygon.length} polygon(s)` : '',
                    area.circle.length ? `circle ${area.circle.join('; ')}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ') || 'no location given'}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Field>
      </dl>
      <IssueList kind="Errors" issues={e.errors} />
      {e.payloads.length === 0 ? <p>The envelope carries no content object.</p> : null}
      <ol className="verdict-list edxl-contents" aria-label="Content objects">
        {e.payloads.map((payload, i) => (
          // A content object may yield several payloads; index + position is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once per envelope
          <ContentObject key={i} payload={payload} position={payload.index + 1} />
        ))}
      </ol>
    </div>
  );
}
