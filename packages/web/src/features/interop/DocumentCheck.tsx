import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { TlpBadge } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { CapVerdictCard } from './CapVerdictCard.tsx';
import { EdxlEnvelope } from './EdxlEnvelope.tsx';
import { type DocumentKind, guessDocumentKind } from './guess-document-kind.ts';
import { IssueList } from './IssueList.tsx';
import {
  type CapVerdictView,
  type CollectionItem,
  type EdxlEnvelopeView,
  interopClient,
  type StixVerdictView,
  type TaxiiStatusView,
} from './interop-client.ts';

type Outcome =
  | { kind: 'cap-verdicts'; verdicts: CapVerdictView[]; stored?: number; duplicates?: number }
  | { kind: 'edxl-envelope'; envelope: EdxlEnvelopeView }
  | { kind: 'stix-verdict'; verdict: StixVerdictView }
  | { kind: 'stix-status'; status: TaxiiStatusView; collection: string };

/** How far into an uploaded file the kind is looked for: the prolog and the root's start tag. */
const sniffBytes = 4096;

/**
 * Paste or upload a CAP alert (or an `<alerts>` batch), an EDXL-DE envelope (recognised by its
 * root element's namespace) or a STIX bundle, see the verdict the server's standards readers
 * give, then ingest it. An uploaded file is sent
 * as its bytes, so an ISO-8859-1 alert reaches the reader as it was written.
 */
export function DocumentCheck(props: { writableCollections: CollectionItem[] }) {
  const ids = useId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>('cap');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [lenient, setLenient] = useState(false);
  const [ipaws, setIpaws] = useState(false);
  const [collectionId, setCollectionId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const payload = (): string | Blob => file ?? text;
  const targetCollection = collectionId || props.writableCollections[0]?.id || '';

  const run = useMutation({
    mutationFn: async (action: 'validate' | 'ingest'): Promise<Outcome> => {
      const options = { lenient, ipaws };
      if (kind === 'edxl' && action === 'validate') {
        return { kind: 'edxl-envelope', envelope: await interopClient.unwrapEdxl(payload()) };
      }
      if (kind === 'cap' && action === 'validate') {
        return {
          kind: 'cap-verdicts',
          verdicts: (await interopClient.validateCap(payload(), options)).verdicts,
        };
      }
      if (kind === 'cap' || kind === 'edxl') {
        // The CAP ingest reads the alerts inside an envelope too (all or nothing, as for a batch).
        const result = await interopClient.ingestCap(payload(), options);
        return {
          kind: 'cap-verdicts',
          verdicts: result.verdicts,
          stored: result.stored.filter((s) => !s.duplicate).length,
          duplicates: result.stored.filter((s) => s.duplicate).length,
        };
      }
      if (action === 'validate')
        return { kind: 'stix-verdict', verdict: await interopClient.validateStix(payload()) };
      const title = props.writableCollections.find((c) => c.id === targetCollection)?.title ?? '';
      return {
        kind: 'stix-status',
        status: await interopClient.importStix(payload(), targetCollection),
        collection: title,
      };
    },
    onMutate: () => setOutcome(null),
    onSuccess: (result, action) => {
      setOutcome(result);
      if (action === 'ingest') void queryClient.invalidateQueries({ queryKey: ['interop'] });
    },
  });

  const empty = file === null && text.trim() === '';
  return (
    <section className="interop-check" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Check a document</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run.mutate('validate');
        }}
      >
        <fieldset className="interop-kind">
          <legend>Standard</legend>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'cap'} onChange={() => setKind('cap')} />
            CAP 1.2 alert (XML; also CAP 1.1, &lt;alerts&gt; batches)
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'edxl'} onChange={() => setKind('edxl')} />
            EDXL-DE envelope (XML, 1.0 or 2.0)
          </label>
          <label className="inline">
            <input type="radio" name="kind" checked={kind === 'stix'} onChange={() => setKind('stix')} />
            STIX 2.1 bundle (JSON)
          </label>
        </fieldset>
        <label>
          Document
          <textarea
            rows={10}
            spellCheck={false}
            value={text}
            disabled={file !== null}
            placeholder="Paste a CAP alert, an EDXL-DE envelope or a STIX bundle"
            onChange={(event) => {
              setText(event.target.value);
              setKind(guessDocumentKind(event.target.value) ?? kind);
            }}
          />
        </label>
        <div className="interop-file">
          <label>
            Or upload a file
            <input
              type="file"
              accept=".xml,.cap,.json,application/xml,application/json"
              onChange={async (event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) setKind(guessDocumentKind(await chosen.slice(0, sniffBytes).text()) ?? kind);
              }}
            />
          </label>
          {file ? (
            <span className="muted">
              {file.name} ({file.size.toLocaleString('en-US')} bytes) is the document.{' '}
              <button type="button" className="link-button" onClick={() => setFile(null)}>
                Use the text instead
              </button>
            </span>
          ) : null}
        </div>
        {kind === 'edxl' ? (
          <p className="muted">
            Validate unwraps the envelope: its header, and each content object with what it holds (CAP alerts
            checked, EDXL-RM messages read as resource requests).
          </p>
        ) : kind === 'cap' ? (
          <div className="filters">
            <label className="inline">
              <input type="checkbox" checked={lenient} onChange={(e) => setLenient(e.target.checked)} />
              Lenient date-times (Z or fractions are warnings)
            </label>
            <label className="inline">
              <input type="checkbox" checked={ipaws} onChange={(e) => setIpaws(e.target.checked)} />
              Apply the IPAWS profile
            </label>
          </div>
        ) : (
          <label>
            Collection to import into
            <select value={targetCollection} onChange={(e) => setCollectionId(e.target.value)}>
              {props.writableCollections.length === 0 ? (
                <option value="">No collection you may write to</option>
              ) : null}
              {props.writableCollections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="interop-actions">
          <button type="submit" disabled={empty || run.isPending}>
            Validate
          </button>
          <button
            type="button"
            disabled={empty || run.isPending || (kind === 'stix' && !targetCollection)}
            onClick={() => run.mutate('ingest')}
          >
            {kind === 'cap'
              ? 'Ingest alert'
              : kind === 'edxl'
                ? 'Ingest its CAP alerts'
                : 'Import into collection'}
          </button>
        </div>
      </form>
      <ProblemNote error={run.error} />
      <div aria-live="polite">{outcome ? <OutcomeView outcome={outcome} /> : null}</div>
    </section>
  );
}

function OutcomeView(props: { outcome: Outcome }) {
  const { outcome } = props;
  if (outcome.kind === 'edxl-envelope') return <EdxlEnvelope envelope={outcome.envelope} />;
  if (outcome.kind === 'stix-status') {
    const { status } = outcome;
    return (
      <div className="verdict">
        <h3>Imported into {outcome.collection}</h3>
        <p>
          {status.success_count} of {status.total_count} objects stored
          {status.failure_count ? `, ${status.failure_count} refused` : ''}.
        </p>
        <IssueList kind="Errors" issues={status.failures.map((f) => ({ path: f.id, message: f.message }))} />
      </div>
    );
  }
  if (outcome.kind === 'stix-verdict') {
    const { verdict } = outcome;
    const bad = verdict.objects.filter((o) => !o.valid).length;
    return (
      <div className="verdict">
        <h3 className={verdict.valid ? 'verdict-valid' : 'verdict-invalid'}>
          {verdict.valid ? 'Valid' : 'Invalid'} STIX 2.1: {verdict.objects.length} objects
          {bad ? `, ${bad} invalid` : ''}
        </h3>
        <IssueList kind="Errors" issues={verdict.errors} />
        <table className="interop-table">
          <caption className="visually-hidden">Objects of the bundle</caption>
          <thead>
            <tr>
              <th scope="col">Verdict</th>
              <th scope="col">Marking</th>
              <th scope="col">Type</th>
              <th scope="col">Id and findings</th>
            </tr>
          </thead>
          <tbody>
            {verdict.objects.map((o) => (
              <tr key={`${o.id} ${o.version}`}>
                <td className={o.valid ? 'verdict-valid' : 'verdict-invalid'}>
                  {o.valid ? 'valid' : 'invalid'}
                </td>
                <td>
                  {o.tlp ? <TlpBadge tlp={o.tlp} /> : <span className="muted">collection default</span>}
                </td>
                <td>{o.type}</td>
                <td>
                  <code>{o.id}</code>
                  <IssueList kind="Errors" issues={o.errors} />
                  <IssueList kind="Warnings" issues={o.warnings} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="verdict">
      {outcome.stored !== undefined ? (
        <h3 className="verdict-valid">
          Ingested: {outcome.stored} alert{outcome.stored === 1 ? '' : 's'} stored
          {outcome.duplicates ? `, ${outcome.duplicates} already received` : ''}
        </h3>
      ) : null}
      {outcome.verdicts.length === 0 ? <p>No CAP alert in this document.</p> : null}
      <ul className="verdict-list">
        {outcome.verdicts.map((v) => (
          <CapVerdictCard key={v.location} verdict={v} level={3} />
        ))}
      </ul>
    </div>
  );
}
