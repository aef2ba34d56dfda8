import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormField, IncidentFile } from './ics-form-parts.ts';
import { ics209, ics214 } from './ics-forms-reports.ts';
import type { Incident } from './incident.ts';
import type { IncidentItem, PositionBody } from './incident-items.ts';

const incident: Incident = {
  id: 'inc',
  number: 'INC-2026-0001',
  name: 'Hurricane Delia (demo)',
  category: 'natural',
  hazard: 'hurricane',
  description: '',
  status: 'active',
  severity: 'major',
  complexity: 2,
  lat: 36.85,
  lon: -76.29,
  area: null,
  jurisdictions: ['51710'],
  startedAt: '2026-11-28T04:46:00.000Z',
  closedAt: null,
  createdByUserId: 'u-ops',
  // Opened by the state (VDEM): the owner is not the commander's agency.
  marking: { tlp: 'GREEN', label: 'TLP:GREEN', caveats: [], ownerAgencyId: 'vdem', shareWith: [] },
  version: 1,
  createdAt: '2026-11-28T04:46:00.000Z',
  updatedAt: '2026-11-28T04:46:00.000Z',
};

let next = 0;
function position(body: Partial<PositionBody> & Pick<PositionBody, 'personName'>): IncidentItem<'positions'> {
  next += 1;
  return {
    id: `p${next}`,
    incidentId: incident.id,
    collection: 'positions',
    number: next,
    periodId: null,
    body: {
      position: 'incident-commander',
      contact: '',
      assignedAt: incident.startedAt,
      relievedAt: null,
      ...body,
    },
    createdByUserId: 'u-ops',
    createdAt: incident.startedAt,
    updatedAt: incident.startedAt,
    version: 1,
  };
}

function file(items: IncidentItem[], userAgencyIds: Record<string, string> = {}): IncidentFile {
  return {
    incident,
    items,
    requests: [],
    resources: [],
    agencyNames: {
      vdem: 'Virginia Department of Emergency Management',
      norfolk: 'City of Norfolk Emergency Management',
      vabeach: 'City of Virginia Beach Emergency Management',
    },
    userAgencyIds,
    preparedBy: { name: 'Ada Jensen (demo)', position: 'Incident Commander', agencyId: 'norfolk' },
    generatedAt: '2026-11-28T06:00:00.000Z',
  };
}

const block4 = (form: IncidentFile) =>
  (ics209(form).sections.find((section) => section.block === '4') as FormField).value;

describe('ICS 209 block 4, Incident Commander(s) & Agency or Organization', () => {
  it('names the commander’s own agency, not the incident’s owning agency', () => {
    const value = block4(file([position({ personName: 'Ada Jensen (demo)', agencyId: 'norfolk' })]));
    assert.equal(value, 'Ada Jensen (demo) — City of Norfolk Emergency Management');
  });

  it('takes the agency of the commander’s user when the position was recorded without one', () => {
    const form = file([position({ personName: 'Chief L. Grant', userId: 'u-grant' })], {
      'u-grant': 'vabeach',
    });
    assert.equal(block4(form), 'Chief L. Grant — City of Virginia Beach Emergency Management');
  });

  it('lists each commander of a unified command with their agency, and only current ones', () => {
    const relieved = position({ personName: 'Chief R. Moore', agencyId: 'vdem' });
    relieved.body.relievedAt = '2026-11-28T05:00:00.000Z';
    const value = block4(
      file([
        relieved,
        position({ personName: 'Ada Jensen (demo)', agencyId: 'norfolk' }),
        position({ personName: 'Chief L. Grant', agencyId: 'vabeach' }),
      ]),
    );
    assert.equal(
      value,
      'Ada Jensen (demo) — City of Norfolk Emergency Management; Chief L. Grant — City of Virginia Beach Emergency Management',
    );
  });

  it('prints the name alone when no agency is known, rather than guessing the owner', () => {
    assert.equal(block4(file([position({ personName: 'Chief R. Moore' })])), 'Chief R. Moore');
  });
});

describe('ICS 214 block 5, Home Agency (and Unit)', () => {
  it('names the preparer’s agency, not the incident’s owning agency', () => {
    const block5 = ics214(file([])).sections.find((section) => section.block === '5') as FormField;
    assert.equal(block5.value, 'City of Norfolk Emergency Management');
  });
});
