/** A refused field and the server's message, as `problemFields` lists them. */
export type FieldProblem = [field: string, message: string];

/** `field` is `base` itself or something inside it (`base.x`, `base[2]`): `sources[1]` does not own `sources[10]`. */
export function isFieldUnder(field: string, base: string): boolean {
  return field === base || field.startsWith(`${base}.`) || field.startsWith(`${base}[`);
}

/**
 * The attributes that tie a control to its row's error list when the server refused one of
 * `keys` under `base` (`portfolio.sources[2]` + `amount_by_year`; an empty base takes the keys
 * as they are): `aria-invalid` and `aria-describedby`, or nothing.
 */
export function invalidMarker(problems: FieldProblem[], base: string, errorId: string) {
  return (...keys: string[]) => {
    const bad = problems.some(([field]) =>
      keys.some((key) => isFieldUnder(field, base ? `${base}.${key}` : key)),
    );
    return {
      'aria-invalid': bad ? (true as const) : undefined,
      'aria-describedby': bad ? errorId : undefined,
    };
  };
}

/** A row's refusals under it, each named by the row (`UASI — sources[1].amount_by_year[2]: …`). */
export function FieldErrors(props: { id: string; name: string; problems: FieldProblem[] }) {
  return (
    <ul id={props.id} className="field-error">
      {props.problems.map(([field, message]) => (
        <li key={field}>
          {props.name} — {field.replace(/^portfolio\./, '')}: {message}
        </li>
      ))}
    </ul>
  );
}
