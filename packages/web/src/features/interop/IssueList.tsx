import type { StandardsIssue } from '@vigil/core/standards/xml';

/** Errors or warnings with the path of the element or property each one is about. */
export function IssueList(props: { issues: StandardsIssue[]; kind: 'Errors' | 'Warnings' }) {
  if (props.issues.length === 0) return null;
  return (
    <div className={`issues issues-${props.kind.toLowerCase()}`}>
      <h4>
        {props.kind} ({props.issues.length})
      </h4>
      <ul>
        {props.issues.map((issue, i) => (
          // Issues have no identity of their own; the same message may repeat on another path.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, rendered once per verdict
          <li key={i}>
            <code className="issue-path">{issue.path || '/'}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
