import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/vigil-client.ts';
import { formatMoney, problemFields } from './budget-client.ts';

describe('problemFields', () => {
  it('lists every field the server names, the first message winning', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Bad request',
      detail: 'portfolio.investments[2].cost_by_year: needs 4 yearly costs',
      field: 'portfolio.investments[2].cost_by_year',
      errors: [
        { field: 'portfolio.investments[2].cost_by_year', message: 'needs 4 yearly costs' },
        { field: 'portfolio.investments[5].id', message: 'duplicate investment x' },
        { field: 'portfolio.investments[5].id', message: 'a second complaint' },
      ],
    } as ApiError['problem']);
    expect([...problemFields(error)]).toEqual([
      ['portfolio.investments[2].cost_by_year', 'needs 4 yearly costs'],
      ['portfolio.investments[5].id', 'duplicate investment x'],
    ]);
  });

  it('falls back to the single field, and to nothing for errors that name none', () => {
    const conflict = new ApiError({
      status: 409,
      code: 'CONFLICT',
      title: 'Conflict',
      detail: 'the portfolio changed since version 2; reload it',
      field: 'version',
    });
    expect(problemFields(conflict).get('version')).toMatch(/changed since version 2/);
    expect(problemFields(new Error('offline')).size).toBe(0);
    expect(problemFields(null).size).toBe(0);
  });

  it('formats money as the pages show it', () => {
    expect(formatMoney(1_250_000)).toBe('$1.25M');
    expect(formatMoney(40_000)).toBe('$40,000');
    expect(formatMoney(null)).toBe('–');
  });
});
