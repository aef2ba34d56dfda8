import { IssueList } from './IssueList.tsx';
import type { CapVerdictView } from './interop-client.ts';
import { SignatureNote } from './SignatureNote.tsx';

/**
 * One CAP alert's verdict as a list item: valid or not, where it sat in the document, every
 * finding by path, and what its signature says. `level` is its heading's level: 3 for a document
 * of alerts, 5 inside an envelope's content object.
 */
export function CapVerdictCard(props: { verdict: CapVerdictView; level: 3 | 5 }) {
  const { verdict: v, level } = props;
  const Heading = `h${level}` as const;
  const issues = level === 3 ? 4 : 6;
  return (
    <li className={v.valid ? 'verdict-ok' : 'verdict-bad'}>
      <Heading className={v.valid ? 'verdict-valid' : 'verdict-invalid'}>
        {v.valid ? 'Valid' : 'Invalid'} CAP {v.version} alert {v.identifier || '(no identifier)'}
      </Heading>
      <p className="muted">
        at <code>{v.location}</code>
        {v.sender ? ` from ${v.sender}` : ''}
      </p>
      <IssueList kind="Errors" issues={v.errors} level={issues} />
      <IssueList kind="Warnings" issues={v.warnings} level={issues} />
      <SignatureNote signature={v.signature} />
    </li>
  );
}
