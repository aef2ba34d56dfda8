import { describe, expect, it } from 'vitest';
import { incidentWriteAccess } from './incident-write-access.ts';

describe('incidentWriteAccess', () => {
  it('offers an administrator and a viewer no incident or request action: they only read incidents', () => {
    for (const role of ['admin', 'viewer'] as const) {
      expect(incidentWriteAccess([role])).toEqual({ incident: false, resourceRequests: false });
    }
  });

  it('offers every responding role both', () => {
    for (const role of [
      'director',
      'planner',
      'analyst',
      'operations',
      'logistics',
      'finance',
      'partner',
    ] as const) {
      expect(incidentWriteAccess([role])).toEqual({ incident: true, resourceRequests: true });
    }
  });

  it('lets any one of several roles grant it', () => {
    expect(incidentWriteAccess(['admin', 'operations'])).toEqual({ incident: true, resourceRequests: true });
    expect(incidentWriteAccess([])).toEqual({ incident: false, resourceRequests: false });
  });
});
