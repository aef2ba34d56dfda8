import {
  currentPositions,
  type FormDocument,
  header,
  type IncidentFile,
  latestPeriod,
  of,
  positionHolderWithAgency,
  preparedBy,
  resourceName,
  withMarking,
} from './ics-form-parts.ts';
import { icsPositionTitles } from './incident-items.ts';

export function ics209(file: IncidentFile, sitrepId?: string): FormDocument {
  const { incident } = file;
  const sitrep = of(file, 'sitreps').find((item) => item.id === sitrepId) ?? of(file, 'sitreps').at(-1);
  const s = sitrep?.body;
  const civilians = s?.civilians;
  const significant = of(file, 'log').filter((item) => item.body.significant);
  return withMarking(file, 'ICS 209', 'Incident Status Summary', [
    { block: '1', label: 'Incident Name', value: incident.name },
    { block: '2', label: 'Incident Number', value: incident.number },
    {
      block: '3',
      label: 'Report Version',
      value: s
        ? `${s.reportVersion[0]?.toUpperCase()}${s.reportVersion.slice(1)} — Report # ${sitrep.number}`
        : '',
    },
    {
      block: '4',
      label: 'Incident Commander(s) & Agency or Organization',
      value: positionHolderWithAgency(file, 'incident-commander'),
    },
    { block: '6', label: 'Incident Start Date/Time', value: `${incident.startedAt} (UTC)` },
    { block: '7', label: 'Current Incident Size or Area Involved', value: s?.currentSize ?? '' },
    { block: '8', label: 'Percent (%) Contained or Completed', value: s ? `${s.percentContained} %` : '' },
    { block: '9', label: 'Incident Definition', value: `${incident.category}: ${incident.hazard}` },
    { block: '10', label: 'Incident Complexity Level', value: `Type ${incident.complexity}` },
    { block: '11', label: 'For Time Period', value: s ? `${s.fromTime} – ${s.toTime}` : '' },
    preparedBy(file, '12'),
    {
      block: '15',
      label: 'Incident Location (State, County FIPS, Latitude/Longitude)',
      value: `VA; ${incident.jurisdictions.join(', ')}; ${incident.lat.toFixed(5)}, ${incident.lon.toFixed(5)}`,
    },
    { block: '16', label: 'Weather Concerns', value: s?.weatherConcerns ?? '' },
    {
      block: '17',
      label: 'Projected Incident Activity, Potential, Movement, Escalation, or Spread',
      value: s?.projectedActivity ?? '',
    },
    {
      block: '18',
      label: 'Strategic Objectives',
      value: of(file, 'objectives')
        .map((item) => item.body.text)
        .join('\n'),
    },
    {
      block: '19',
      label: 'Current Incident Threat Summary and Risk Information',
      value: s?.threatSummary ?? '',
    },
    { block: '20', label: 'Critical Resource Needs', value: s?.criticalResourceNeeds ?? '' },
    { block: '22', label: 'Planned Actions for Next Operational Period', value: s?.plannedActions ?? '' },
    {
      block: '26',
      label: 'Estimated Incident Costs to Date',
      value: s ? `$${s.estimatedCostsToDate.toLocaleString('en-US')}` : '',
    },
    {
      block: '28',
      label: 'Remarks',
      value: [s?.remarks ?? '', ...significant.map((item) => `${item.body.at} ${item.body.activity}`)]
        .filter(Boolean)
        .join('\n'),
    },
    {
      block: '29',
      label: 'Incident Situation — Civilian/Public Status (Total # to Date)',
      columns: ['Status', 'Total # to Date'],
      rows: civilians
        ? [
            ['Fatalities', String(civilians.fatalities)],
            ['With Injuries/Illness', String(civilians.injured)],
            ['Trapped/In Need of Rescue', String(civilians.trappedOrInNeedOfRescue)],
            ['Missing', String(civilians.missing)],
            ['Evacuated', String(civilians.evacuated)],
            ['Sheltering in Place', String(civilians.shelteringInPlace)],
            ['In Temporary Shelters', String(civilians.inTemporaryShelters)],
          ]
        : [],
    },
    {
      block: '30',
      label: 'Responder Status (Total # to Date)',
      columns: ['Status', 'Total # to Date'],
      rows: s
        ? [
            ['Fatalities', String(s.responders.fatalities)],
            ['With Injuries/Illness', String(s.responders.injured)],
          ]
        : [],
    },
    {
      block: '31',
      label: 'Life, Safety, and Health Status/Threat Remarks',
      value: s?.lifeSafetyRemarks ?? '',
    },
    {
      block: '35',
      label: 'Resource Commitment Summary',
      columns: ['Agency or Organization', 'Resource', 'Quantity', 'Status'],
      rows: file.requests
        .filter((request) => request.supplierAgencyId !== null)
        .map((request) => [
          file.agencyNames[request.supplierAgencyId as string] ?? String(request.supplierAgencyId),
          request.typeLabel,
          String(request.quantity),
          request.status,
        ]),
    },
  ]);
}

export function ics213rr(file: IncidentFile, requestId?: string): FormDocument {
  const request = file.requests.find((item) => item.id === requestId) ?? file.requests.at(-1);
  const step = (status: string) => request?.steps.find((item) => item.status === status)?.at ?? '';
  const supplier = request?.supplierAgencyId
    ? (file.agencyNames[request.supplierAgencyId] ?? request.supplierAgencyId)
    : '';
  return withMarking(file, 'ICS 213 RR', 'Resource Request Message', [
    { block: '1', label: 'Incident Name', value: file.incident.name },
    { block: '2', label: 'Date/Time', value: request?.createdAt ?? '' },
    { block: '3', label: 'Resource Request Number', value: request?.number ?? '' },
    {
      block: '4',
      label: 'Order',
      columns: [
        'Qty',
        'Kind',
        'Type',
        'Detailed Item Description',
        'Requested Arrival',
        'Estimated Arrival',
        'Cost',
      ],
      rows: request
        ? [
            [
              String(request.quantity),
              request.typeLabel.replace(/ Type \d+$/, ''),
              /Type \d+$/.exec(request.typeLabel)?.[0] ?? '',
              request.description,
              request.requestedArrival ?? '',
              request.estimatedArrival ?? '',
              `$${request.costUsd.toLocaleString('en-US')}`,
            ],
          ]
        : [],
    },
    { block: '5', label: 'Requested Delivery/Reporting Location', value: request?.deliveryLocation ?? '' },
    { block: '6', label: 'Suitable Substitutes and/or Suggested Sources', value: request?.substitutes ?? '' },
    {
      block: '7',
      label: 'Requested by Name/Position',
      value: request ? `${request.requestedByName}, ${request.requestedByPosition}` : '',
    },
    {
      block: '8',
      label: 'Priority',
      value: request ? request.priority[0]?.toUpperCase() + request.priority.slice(1) : '',
    },
    {
      block: '9',
      label: 'Section Chief Approval',
      value: step('approved') ? `Approved ${step('approved')}` : '',
    },
    {
      block: '10',
      label: 'Logistics Order Number',
      value: request ? `${file.incident.number}-${request.number}` : '',
    },
    { block: '12', label: 'Name of Supplier/POC', value: supplier },
    {
      block: '13',
      label: 'Notes',
      value: request
        ? [
            request.resourceIds.map((id) => resourceName(file, id)).join(', '),
            request.note ?? '',
            ...request.steps.map((item) => `${item.status} ${item.at}`),
          ]
            .filter(Boolean)
            .join('\n')
        : '',
    },
    { block: '15', label: 'Date/Time', value: step('filled') },
    {
      block: '17',
      label: 'Reply/Comments from Finance',
      value: request ? `Cost accrued: $${request.costUsd.toLocaleString('en-US')}` : '',
    },
  ]);
}

export function ics214(file: IncidentFile, periodId?: string): FormDocument {
  const period = of(file, 'periods').find((item) => item.id === periodId) ?? latestPeriod(file);
  const entries = of(file, 'log').filter(
    (item) => !period || !item.body.periodId || item.body.periodId === period.id,
  );
  return withMarking(file, 'ICS 214', 'Activity Log', [
    ...header(file, period?.id),
    { block: '3', label: 'Name', value: file.preparedBy.name },
    { block: '4', label: 'ICS Position', value: file.preparedBy.position },
    {
      block: '5',
      label: 'Home Agency (and Unit)',
      // The preparer's own agency, like block 4 of the 209: not the incident's owner.
      value: file.agencyNames[file.preparedBy.agencyId] ?? file.preparedBy.agencyId,
    },
    {
      block: '6',
      label: 'Resources Assigned',
      columns: ['Name', 'ICS Position', 'Home Agency (and Unit)'],
      rows: currentPositions(file).map((item) => [
        item.body.personName,
        icsPositionTitles[item.body.position],
        item.body.agencyId ? (file.agencyNames[item.body.agencyId] ?? item.body.agencyId) : '',
      ]),
    },
    {
      block: '7',
      label: 'Activity Log',
      columns: ['Date/Time', 'Notable Activities'],
      rows: entries.map((item) => [
        item.body.at,
        `${item.body.significant ? '[Significant] ' : ''}${item.body.activity}`,
      ]),
    },
    preparedBy(file, '8'),
  ]);
}
