import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortfolioDetail, PortfolioInput } from '@vigil/core/budget';
import { type RefObject, useEffect } from 'react';
import { ApiError } from '../../api/vigil-client.ts';
import { budgetClient, problemFields } from './budget-client.ts';

/**
 * Saving an edited portfolio file, shared by the candidate and the funding editors: the whole
 * file goes back at the version it was opened from; on success the caches learn the new
 * version and forget the run of the old one; a refusal moves focus to the first control
 * marked invalid (or the alert); a newer version on the server is a conflict the editor
 * offers to resolve by reloading, which hands the fresh portfolio back to the editor.
 */
export function usePortfolioSave(options: {
  opened: PortfolioDetail;
  fileToSave: () => PortfolioInput;
  onSaved: (saved: PortfolioDetail) => void;
  onReloaded: (fresh: PortfolioDetail) => void;
  formRef: RefObject<HTMLFormElement | null>;
}) {
  const queryClient = useQueryClient();
  const { opened, formRef } = options;
  const save = useMutation({
    mutationFn: () => budgetClient.update(opened.id, options.fileToSave(), opened.version),
    onSuccess: (saved) => {
      queryClient.setQueryData(['budget', 'portfolio', saved.id], saved);
      // The run on file answered the earlier version; the page must not show it for this one.
      queryClient.setQueryData(['budget', 'result', saved.id], null);
      void queryClient.invalidateQueries({ queryKey: ['budget', 'portfolios'] });
      void queryClient.invalidateQueries({ queryKey: ['budget', 'execution', saved.id] });
      options.onSaved(saved);
    },
  });
  const reload = useMutation({
    mutationFn: () => budgetClient.read(opened.id),
    onSuccess: (fresh) => {
      queryClient.setQueryData(['budget', 'portfolio', fresh.id], fresh);
      save.reset();
      options.onReloaded(fresh);
    },
  });
  useEffect(() => {
    if (!save.error) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [save.error, formRef]);
  return {
    save,
    reload,
    errors: problemFields(save.error),
    conflict: save.error instanceof ApiError && save.error.problem.code === 'CONFLICT',
  };
}
