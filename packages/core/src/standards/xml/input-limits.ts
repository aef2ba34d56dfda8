import { DomainError } from '../../errors/index.ts';

/**
 * Limits every parser of outside data runs with. The defaults fit the largest real
 * messages we know (an Environment Canada alert with dozens of polygons is ~60 KiB;
 * a STIX threat report ~300 KiB) with a wide margin, and stop hostile documents early.
 */
export type InputLimits = {
  maxBytes: number;
  maxDepth: number;
  maxElements: number;
  /** Longest single tag (name plus attributes) or JSON string. */
  maxTokenLength: number;
};

export const defaultInputLimits: InputLimits = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 100_000,
  maxTokenLength: 256 * 1024,
};

/**
 * Why outside input was refused. These words are part of the API: they lead the problem
 * `detail` and name the `errors[].message` so partners can branch on them.
 */
export type RefusalReason =
  | 'too-large'
  | 'too-deep'
  | 'too-many-elements'
  | 'token-too-long'
  | 'doctype-forbidden'
  | 'entity-forbidden'
  | 'not-well-formed'
  | 'bad-encoding'
  | 'duplicate-key'
  | 'forbidden-key'
  | 'unsupported-document'
  | 'timeout';

/** A refused document: 413 when it is too large, 400 VALIDATION_FAILED naming the field otherwise. */
export function refuseInput(reason: RefusalReason, message: string, field = 'body'): DomainError {
  return new DomainError(
    reason === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
    `${reason}: ${message}`,
    {
      field,
    },
  );
}

/** The refusal reason carried by an error from `refuseInput`, if it is one. */
export function refusalReasonOf(error: unknown): RefusalReason | null {
  if (!(error instanceof DomainError)) return null;
  const match = /^([a-z-]+): /.exec(error.message);
  return match ? (match[1] as RefusalReason) : null;
}
