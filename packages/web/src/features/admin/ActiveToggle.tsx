/** "Active · Deactivate" in a table row; the hidden name tells a screen reader which row the button acts on. */
export function ActiveToggle(props: { active: boolean; name: string; onToggle(active: boolean): void }) {
  return (
    <>
      {props.active ? 'Active' : 'Inactive'} ·{' '}
      <button type="button" className="link-button" onClick={() => props.onToggle(!props.active)}>
        {props.active ? 'Deactivate' : 'Reactivate'}
        <span className="visually-hidden"> {props.name}</span>
      </button>
    </>
  );
}
