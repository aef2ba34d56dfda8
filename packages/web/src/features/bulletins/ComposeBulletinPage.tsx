import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MarkingInput } from '@vigil/core/access';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { vigilClient } from '../../api/vigil-client.ts';
import { navigate } from '../../app/router.tsx';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { MarkingPicker } from './MarkingPicker.tsx';

export function ComposeBulletinPage() {
  const user = useSignedIn();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [marking, setMarking] = useState<MarkingInput>({ tlp: 'AMBER', shareWith: [] });
  useMarkingBanner(marking.tlp);
  const post = useMutation({
    mutationFn: () => vigilClient.createBulletin({ title, body, marking }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['bulletins'] });
      navigate(`/bulletins/${created.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate();
  };
  return (
    <section className="page" aria-labelledby="compose-title">
      <h1 id="compose-title">New bulletin</h1>
      <form className="compose" onSubmit={submit}>
        <label htmlFor="bulletin-title">Title</label>
        <input
          id="bulletin-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
        />
        <label htmlFor="bulletin-body">Text</label>
        <textarea
          id="bulletin-body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          rows={8}
          maxLength={20000}
        />
        <MarkingPicker value={marking} onChange={setMarking} ownAgencyId={user.agencyId} />
        <ProblemNote error={post.error} />
        <button type="submit" disabled={post.isPending}>
          {post.isPending ? 'Posting…' : 'Post bulletin'}
        </button>
      </form>
    </section>
  );
}
