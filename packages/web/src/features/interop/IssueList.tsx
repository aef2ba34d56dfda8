import type { StandardsIssue } from '@vigil/core/standards/xml';

/** Errors or warnings with the path of the element or property each one is about. */
export function IssueList(props: {
  issues: StandardsIssue[];
  kind: 'Errors' | 'Warnings';
  /** The heading level under the verdict it belongs to (4 under a verdict's h3). */
  level?: 4 | 5 | 6;
}) {
  if (props.issues.length === 0) return null;
  const Heading = `h${props.level ?? 4}` as const;
  return (
    <div className={`issues issues-${props.kind.toLowerCase()}`}>
      <Heading>
        {props.kind} ({props.issues.length})
      </Heading>
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
