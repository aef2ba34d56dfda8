import {
  type FormDocument,
  header,
  type IncidentFile,
  latestPeriod,
  of,
  positionHolder,
  preparedBy,
  resourceName,
  withMarking,
} from './ics-form-parts.ts';
import type { IcsPosition } from './incident-items.ts';

export {
  type FormDocument,
  type FormField,
  type FormSection,
  type FormTable,
  type IncidentFile,
  isFormTable,
} from './ics-form-parts.ts';

import { ics209, ics213rr, ics214 } from './ics-forms-reports.ts';

/** The ICS forms Vigil prints, as FEMA numbers them. */
export const icsForms = ['ics-201', 'ics-202', 'ics-204', 'ics-209', 'ics-213rr', 'ics-214'] as const;
export type IcsForm = (typeof icsForms)[number];

function ics201(file: IncidentFile): FormDocument {
  const { incident } = file;
  const organization: [IcsPosition, string][] = [
    ['incident-commander', 'Incident Commander(s)'],
    ['liaison-officer', 'Liaison Officer'],
    ['safety-officer', 'Safety Officer'],
    ['public-information-officer', 'Public Information Officer'],
    ['planning-section-chief', 'Planning Section Chief'],
    ['operations-section-chief', 'Operations Section Chief'],
    ['finance-administration-section-chief', 'Finance/Administration Section Chief'],
    ['logistics-section-chief', 'Logistics Section Chief'],
  ];
  return withMarking(file, 'ICS 201', 'Incident Briefing', [
    { block: '1', label: 'Incident Name', value: incident.name },
    { block: '2', label: 'Incident Number', value: incident.number },
    { block: '3', label: 'Date/Time Initiated', value: incident.startedAt },
    {
      block: '4',
      label: 'Map/Sketch (incident location)',
      value: `${incident.lat.toFixed(5)}, ${incident.lon.toFixed(5)}${incident.area ? ' (incident area drawn on the map)' : ''}`,
    },
    { block: '5', label: 'Situation Summary and Health and Safety Briefing', value: incident.description },
    preparedBy(file, '6'),
    {
      block: '7',
      label: 'Current and Planned Objectives',
      value: of(file, 'objectives')
        .map((item) => `${item.number}. ${item.body.text} [${item.body.status}]`)
        .join('\n'),
    },
    {
      block: '8',
      label: 'Current and Planned Actions, Strategies, and Tactics',
      columns: ['Time', 'Actions'],
      rows: of(file, 'log').map((item) => [item.body.at, item.body.activity]),
    },
    {
      block: '9',
      label: 'Current Organization',
      columns: ['Position', 'Name'],
      rows: organization.map(([position, title]) => [title, positionHolder(file, position)]),
    },
    {
      block: '10',
      label: 'Resource Summary',
      columns: ['Resource', 'Resource Identifier', 'Date/Time Ordered', 'ETA', 'Arrived', 'Notes'],
      rows: file.requests.flatMap((request) => {
        const ids = request.resourceIds.length ? request.resourceIds : [''];
        return ids.map((id) => [
          `${request.quantity} × ${request.typeLabel}`,
          id ? resourceName(file, id) : '',
          request.createdAt,
          request.estimatedArrival ?? '',
          ['checked-in', 'demobilized'].includes(request.status) ? 'Yes' : 'No',
          `${request.number} ${request.status}`,
        ]);
      }),
    },
  ]);
}

function ics202(file: IncidentFile, periodId?: string): FormDocument {
  const period = of(file, 'periods').find((item) => item.id === periodId) ?? latestPeriod(file);
  return withMarking(file, 'ICS 202', 'Incident Objectives', [
    ...header(file, period?.id),
    {
      block: '3',
      label: 'Objective(s)',
      value: of(file, 'objectives')
        .filter((item) => !period || item.body.periodId === period.id)
        .map((item) => `${item.number}. ${item.body.text}`)
        .join('\n'),
    },
    { block: '4', label: 'Operational Period Command Emphasis', value: period?.body.commandEmphasis ?? '' },
    { block: '4', label: 'General Situational Awareness', value: period?.body.situationalAwareness ?? '' },
    {
      block: '5',
      label: 'Site Safety Plan Required? / Approved Site Safety Plan(s) Located at',
      value: period
        ? `${period.body.siteSafetyPlanRequired ? 'Yes' : 'No'}${period.body.siteSafetyPlanLocation ? ` — ${period.body.siteSafetyPlanLocation}` : ''}`
        : '',
    },
    preparedBy(file, '7'),
    {
      block: '8',
      label: 'Approved by Incident Commander',
      value: positionHolder(file, 'incident-commander'),
    },
  ]);
}

function ics204(file: IncidentFile, assignmentId?: string): FormDocument {
  const assignment =
    of(file, 'assignments').find((item) => item.id === assignmentId) ?? of(file, 'assignments').at(-1);
  const body = assignment?.body;
  return withMarking(file, 'ICS 204', 'Assignment List', [
    ...header(file, assignment?.periodId),
    {
      block: '3',
      label: 'Branch / Division / Group / Staging Area',
      value: body ? [body.branch, body.divisionGroup, body.stagingArea].filter(Boolean).join(' / ') : '',
    },
    {
      block: '4',
      label: 'Operations Personnel',
      columns: ['Position', 'Name'],
      rows: [
        ['Operations Section Chief', positionHolder(file, 'operations-section-chief')],
        ['Division/Group Supervisor', body?.supervisor ?? ''],
      ],
    },
    {
      block: '5',
      label: 'Resources Assigned',
      columns: ['Resource Identifier', 'Type', 'Home Agency', 'Reporting Location'],
      rows: (body?.resourceIds ?? []).map((id) => {
        const resource = file.resources.find((r) => r.id === id);
        return [
          resource?.name ?? id,
          resource?.typeLabel ?? '',
          resource ? (file.agencyNames[resource.agencyId] ?? resource.agencyId) : '',
          body?.reportingLocation ?? '',
        ];
      }),
    },
    { block: '6', label: 'Work Assignments', value: body?.workAssignment ?? '' },
    { block: '7', label: 'Special Instructions', value: body?.specialInstructions ?? '' },
    {
      block: '8',
      label: 'Communications (name/function, primary contact)',
      value: body?.communications ?? '',
    },
    preparedBy(file, '9'),
  ]);
}

/** Builds one form from the incident file; `itemId` picks the period, assignment, sitrep or request. */
export function buildIcsForm(form: IcsForm, file: IncidentFile, itemId?: string): FormDocument {
  switch (form) {
    case 'ics-201':
      return ics201(file);
    case 'ics-202':
      return ics202(file, itemId);
    case 'ics-204':
      return ics204(file, itemId);
    case 'ics-209':
      return ics209(file, itemId);
    case 'ics-213rr':
      return ics213rr(file, itemId);
    case 'ics-214':
      return ics214(file, itemId);
  }
}
