import { ProblemNote } from '../../ui/problem-note.tsx';

/**
 * What an editor's save was refused for, when no line or box of the form is named: the
 * problem itself when it names no field at all, else each field with its message, and on a
 * version conflict the way out (discard the edits and reload the newer version).
 */
export function EditorProblems(props: {
  error: unknown;
  /** Every refused field, those shown beside their boxes included. */
  fieldCount: number;
  /** The refused fields that belong to no line or box of this form. */
  elsewhere: [string, string][];
  conflict: boolean;
  onReload: () => void;
  reloading: boolean;
}) {
  return (
    <>
      {props.error && props.fieldCount === 0 ? <ProblemNote error={props.error} /> : null}
      {props.elsewhere.length ? (
        <div role="alert" tabIndex={-1} className="problem">
          {props.elsewhere.map(([field, message]) => (
            <p key={field}>
              {field}: {message}
            </p>
          ))}
          {props.conflict ? (
            <button type="button" onClick={props.onReload} disabled={props.reloading}>
              Discard my changes and reload
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
