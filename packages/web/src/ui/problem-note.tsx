import { ApiError } from '../api/vigil-client.ts';

/** Says what went wrong in the words of the server's problem+json, and which field it was. */
export function ProblemNote(props: { error: unknown }) {
  if (!props.error) return null;
  const error = props.error;
  const text =
    error instanceof ApiError
      ? `${error.problem.detail}${error.problem.field ? ` (${error.problem.field})` : ''}`
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <p className="problem" role="alert">
      {text}
    </p>
  );
}
