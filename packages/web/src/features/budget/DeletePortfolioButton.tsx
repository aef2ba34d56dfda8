import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortfolioDetail } from '@vigil/core/budget';
import { useId, useRef } from 'react';
import { navigate } from '../../app/router.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { budgetClient, portfoliosKey } from './budget-client.ts';

/**
 * "Delete portfolio" behind a confirmation (a modal dialog: focus moves into it, Escape
 * cancels and focus returns to the button). The portfolio disappears for everyone; its
 * execution entries and journal stay on the record, and the list page's "Recently deleted"
 * offers it back to the agency's budget staff.
 */
export function DeletePortfolioButton(props: { detail: PortfolioDetail }) {
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const prefix = useId();
  const remove = useMutation({
    mutationFn: () => budgetClient.remove(props.detail.id, props.detail.version),
    onSuccess: () => {
      dialogRef.current?.close();
      queryClient.removeQueries({ queryKey: ['budget', 'portfolio', props.detail.id] });
      // The key is the bin's prefix too: the list page it returns to refetches both and shows it there.
      void queryClient.invalidateQueries({ queryKey: portfoliosKey });
      navigate('/budget');
    },
  });
  return (
    <>
      <button type="button" className="danger" onClick={() => dialogRef.current?.showModal()}>
        Delete portfolio
      </button>
      <dialog
        ref={dialogRef}
        className="budget-dialog"
        aria-labelledby={`${prefix}-title`}
        aria-describedby={`${prefix}-text`}
        onClose={() => remove.reset()}
      >
        <h2 id={`${prefix}-title`}>Delete “{props.detail.name}”?</h2>
        <p id={`${prefix}-text`}>
          Nobody will see it or its optimizer results any more. Its execution entries (awards, obligations,
          expenditures) and its journal stay on the record, and your agency’s budget staff can restore it from
          “Recently deleted” on the budget list.
        </p>
        <ProblemNote error={remove.error} />
        <div className="budget-actions">
          {/* Cancel first: showModal focuses it, so Enter on arrival does not delete. */}
          <button type="button" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            {remove.isPending ? 'Deleting…' : 'Yes, delete portfolio'}
          </button>
        </div>
      </dialog>
    </>
  );
}
