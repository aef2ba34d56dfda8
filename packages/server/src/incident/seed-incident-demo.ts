import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type IncidentCollection, itemInputSchemas, type ResourceRequest, type Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { actOnRequest, createRequest, createResource } from '../resources/index.ts';
import { addIncidentItem, createIncident, transitionIncident } from './incident.actions.ts';
import { demoInventory } from './incident-demo-inventory.ts';

const stationsFile = fileURLToPath(
  new URL('../../../../data/fire-stations-virginia/fire-ems-stations.csv', import.meta.url),
);

type Station = { name: string; city: string; lon: number; lat: number };

/** One CSV line with quoted fields; the file is ours (data/), read once, refused past 1 MiB. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export function readDemoStations(): Station[] {
  const text = readFileSync(stationsFile, 'utf8');
  if (text.length > 1024 * 1024) throw new Error(`${stationsFile} is larger than 1 MiB`);
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = splitCsvLine(header ?? '');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const f = splitCsvLine(line);
    return {
      name: f[at('name')] ?? '',
      city: f[at('city')] ?? '',
      lon: Number(f[at('lon')]),
      lat: Number(f[at('lat')]),
    };
  });
}

/**
 * The storm of the Virginia demo (docs: DEMO.md): an inventory at real fire/EMS stations,
 * Hurricane Delia (demo) under unified command with its first operational period, ambulance
 * strike teams filled from the state's Richmond staging, generators asked of Chesapeake by
 * mutual aid, the decision to evacuate a hospital, and a cyber incident kept AMBER+STRICT.
 */
export async function seedIncidentDemo(
  deps: AppDeps,
  viewers: Map<string, Viewer>,
  agencies: Record<string, string>,
): Promise<void> {
  const as = (email: string) => {
    const viewer = viewers.get(email);
    if (!viewer) throw new Error(`demo user ${email} missing`);
    return viewer;
  };
  const operations = as('operations@vigil.example');
  const stations = readDemoStations();
  const resourceIds = new Map<string, string[]>();
  for (const holding of demoInventory) {
    const agencyId = agencies[holding.agency] as string;
    const sites = stations.filter((station) => holding.cities.includes(station.city));
    // Local agencies without a demo user of their own are registered by VDEM, their parent agency.
    const owner =
      holding.agency === 'norfolk'
        ? as('norfolk@vigil.example')
        : holding.agency === 'fairfax'
          ? as('fairfax@vigil.example')
          : holding.agency === 'accomack'
            ? as('accomack@vigil.example')
            : operations;
    let next = 0;
    for (const [type, count, label] of holding.holds) {
      for (let i = 1; i <= count; i++) {
        const site = sites[next++ % sites.length] as Station;
        const created = await createResource(deps, owner, {
          name: `${label} ${i} (demo)`,
          resourceType: type,
          agencyId,
          lat: site.lat,
          lon: site.lon,
          status: 'available',
        });
        resourceIds.set(`${holding.agency}:${type}`, [
          ...(resourceIds.get(`${holding.agency}:${type}`) ?? []),
          created.id,
        ]);
      }
    }
  }

  const unified = ['norfolk', 'vabeach', 'chesapeake', 'richmond', 'ohs', 'hospitals'].map(
    (key) => agencies[key] as string,
  );
  const now = deps.now();
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
  const storm = await createIncident(deps, operations, {
    name: 'Hurricane Delia (demo) — Hampton Roads landfall',
    category: 'natural',
    hazard: 'hurricane',
    description:
      '[Demo data] Category 2 hurricane making landfall near Norfolk; storm surge 6–8 ft expected at Sewells Point, widespread power outages, two Norfolk hospitals on generator power.',
    severity: 'major',
    complexity: 2,
    lat: 36.8508,
    lon: -76.2859,
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [-76.45, 36.7],
          [-75.95, 36.7],
          [-75.95, 37.05],
          [-76.45, 37.05],
          [-76.45, 36.7],
        ],
      ],
    },
    jurisdictions: ['51710', '51810', '51550'],
    // Begun two hours before it is entered here. Left out, the start is the moment of entry, two hours
    // after the first operational period and sitrep that are dated from it.
    startedAt: hours(-2),
    // The electric utility is no part of the command but reports its outages into the incident.
    marking: { tlp: 'GREEN', shareWith: [...unified, agencies.power as string] },
  });
  await transitionIncident(deps, operations, storm.id, { status: 'active', note: 'EOC at full activation' });
  // Through the same contract as the API, so defaults apply and a bad demo record fails loudly.
  const add = (viewer: Viewer, collection: IncidentCollection, body: Record<string, unknown>) =>
    addIncidentItem(
      deps,
      viewer,
      storm.id,
      collection,
      itemInputSchemas[collection].parse(body) as Record<string, unknown>,
    );
  const norfolk = as('norfolk@vigil.example');
  const logistics = as('logistics@vigil.example');
  await add(norfolk, 'positions', {
    position: 'incident-commander',
    personName: 'Ada Jensen (demo)',
    userId: norfolk.userId,
    agencyId: norfolk.agencyId,
    contact: '',
  });
  await add(operations, 'positions', {
    position: 'operations-section-chief',
    personName: 'Tom Alvarez (demo)',
    userId: operations.userId,
    agencyId: operations.agencyId,
    contact: '',
  });
  await add(operations, 'positions', {
    position: 'logistics-section-chief',
    personName: 'Grace Kim (demo)',
    userId: logistics.userId,
    agencyId: logistics.agencyId,
    contact: '',
  });
  await add(operations, 'positions', {
    position: 'public-information-officer',
    personName: 'Nora Haddad (demo)',
    agencyId: operations.agencyId,
    contact: '',
  });
  // Operational period 1 and the initial ICS 209 begin when the incident does.
  const period = await add(operations, 'periods', {
    startsAt: storm.startedAt,
    endsAt: hours(10),
    commandEmphasis:
      'Life safety first: finish hospital and nursing-home evacuations in the surge zone before landfall; keep responders out of flooded underpasses.',
    situationalAwareness: 'Surge peak expected 2 h after landfall; I-264 and the Midtown Tunnel may close.',
    siteSafetyPlanRequired: true,
    siteSafetyPlanLocation: 'Norfolk EOC, ICS 208 on the shared drive',
  });
  for (const text of [
    'Evacuate Sentara Norfolk General Hospital patients who cannot shelter in place by 18:00.',
    'Restore power to 90 % of hospitals within 72 hours (THIRA target).',
    'Open and staff 12 general-population shelters for 8,000 residents.',
  ]) {
    await add(operations, 'objectives', { periodId: period.id, text });
  }
  await add(operations, 'assignments', {
    periodId: period.id,
    branch: 'Medical Branch',
    divisionGroup: 'Hospital Evacuation Group',
    supervisor: 'Capt. J. Ruiz (demo)',
    workAssignment:
      'Move non-ambulatory patients from Sentara Norfolk General to receiving hospitals in Richmond and Suffolk.',
    specialInstructions: 'Use I-64 westbound; avoid the Downtown Tunnel after surge warning.',
    reportingLocation: 'Norfolk Scope staging area',
    communications: 'VFIRE 23 / Med Group Supervisor',
    resourceIds: [],
  });
  await add(norfolk, 'log', {
    activity: 'Mandatory evacuation ordered for zones A and B.',
    significant: true,
    position: 'Incident Commander',
  });
  // The private partners report into the incident themselves. The coalition's detailed fuel bulletin is
  // TLP:AMBER+STRICT for Norfolk; what unified command needs of it, it states here.
  await add(as('power@vigil.example'), 'log', {
    activity: 'Tidewater Electric Cooperative (demo) reports 61,000 customers without power.',
    significant: false,
    position: 'Agency Representative, Tidewater Electric Cooperative',
  });
  const fuelReport = await add(as('hospital@vigil.example'), 'log', {
    activity:
      'Virginia Hospital Coalition (demo): two Norfolk hospitals, Sentara Norfolk General among them, have 48 h of generator fuel at current load; resupply requested through the Norfolk EOC.',
    significant: true,
    position: 'Agency Representative, Virginia Hospital Coalition',
  });

  const ambulances = (
    await createRequest(deps, operations, storm.id, {
      quantity: 2,
      resourceType: 'ambulance-strike-team/type-1',
      description: 'ALS ambulance strike teams for the hospital evacuation',
      deliveryLocation: 'Norfolk Scope staging area',
      deliveryLat: 36.8525,
      deliveryLon: -76.2871,
      substitutes: 'None: ALS required',
      priority: 'urgent',
      requestedByPosition: 'Operations Section Chief',
    })
  ).id;
  const act = (
    viewer: Viewer,
    id: string,
    input: Parameters<typeof actOnRequest>[3],
  ): Promise<ResourceRequest> => actOnRequest(deps, viewer, id, input);
  await act(logistics, ambulances, { action: 'approve' });
  // The state's teams staged in Richmond are the nearest VDEM-owned ones.
  await act(logistics, ambulances, {
    action: 'fill',
    resourceIds: (resourceIds.get('vdem:ambulance-strike-team/type-1') ?? []).slice(0, 2),
  });
  await act(logistics, ambulances, { action: 'mobilize' });

  const generators = (
    await createRequest(deps, operations, storm.id, {
      quantity: 2,
      resourceType: 'generator/type-2',
      description: 'Generators for two Norfolk hospitals, 48 h of fuel left',
      deliveryLocation: 'Sentara Norfolk General Hospital',
      deliveryLat: 36.8609,
      deliveryLon: -76.3017,
      substitutes: 'Generator Type 1',
      priority: 'urgent',
      requestedByPosition: 'Logistics Section Chief',
    })
  ).id;
  await act(logistics, generators, { action: 'approve' });
  // Chesapeake's generators are nearer than the state's in Richmond: asked by mutual aid.
  await act(logistics, generators, {
    action: 'fill',
    resourceIds: (resourceIds.get('chesapeake:generator/type-2') ?? []).slice(0, 2),
  });

  const director = as('director@vigil.example');
  await add(director, 'decisions', {
    question: 'Evacuate Sentara Norfolk General Hospital before landfall, or shelter in place?',
    options: [
      {
        label: 'Full evacuation',
        description: 'Move all 412 patients before surge; needs 2 ambulance strike teams.',
      },
      {
        label: 'Partial evacuation',
        description: 'Move critical-care patients only; keep generator power for the rest.',
      },
      {
        label: 'Shelter in place',
        description: 'Rely on generators (48 h fuel) and resupply after the storm.',
      },
    ],
    criteria: [
      'patient safety',
      'generator fuel endurance',
      'transport capacity before tropical-storm winds',
    ],
    informationUsed: [
      {
        label: `Hospital Coalition: 48 h of generator fuel at two Norfolk hospitals (incident log #${fuelReport.number})`,
        ref: `/incidents/${storm.id}`,
      },
      { label: 'Substations in the surge footprint (infrastructure view)', ref: '/infrastructure' },
      { label: 'NHC forecast advisory 14 (demo)', ref: '' },
    ],
    chosenOption: 'Partial evacuation',
    rationale:
      'Fuel lasts 48 h and the surge may cut resupply for 72 h; moving critical-care patients first fits the transport available before winds exceed 40 mph.',
    decidedByName: 'Dana Whitfield (demo)',
    decidedByPosition: 'Director, Office of Public Safety and Homeland Security',
    confidence: 'medium',
  });
  await add(operations, 'sitreps', {
    reportVersion: 'initial',
    periodId: period.id,
    fromTime: storm.startedAt,
    toTime: hours(10),
    currentSize: 'Norfolk, Virginia Beach and Chesapeake',
    percentContained: 0,
    // The figures of the THIRA scenario and of VDEM's CAP warning: Category 2 is 96–110 mph.
    weatherConcerns: 'Sustained winds 100 mph at landfall; 6–8 ft surge; 8–12 in of rain.',
    projectedActivity: 'Surge peak 2 h after landfall; riverine flooding on the Elizabeth River for 48 h.',
    criticalResourceNeeds: 'Ambulance strike teams (2); generators Type 2 (2); shelter management teams.',
    plannedActions: 'Complete hospital evacuation; open 12 shelters; pre-position swiftwater teams.',
    estimatedCostsToDate: 1250000,
    civilians: {
      fatalities: 0,
      injured: 6,
      trappedOrInNeedOfRescue: 0,
      missing: 0,
      evacuated: 5200,
      shelteringInPlace: 0,
      inTemporaryShelters: 2100,
    },
  });

  const water = as('water@vigil.example');
  const cyber = await createIncident(deps, water, {
    name: 'Ransomware attempt on water SCADA (demo)',
    category: 'cyber',
    hazard: 'ransomware',
    description:
      '[Demo data] Phishing-delivered ransomware blocked at an engineering workstation during the storm; no process impact.',
    severity: 'moderate',
    complexity: 4,
    lat: 36.84,
    lon: -76.2,
    jurisdictions: ['51710', '51810'],
    marking: { tlp: 'AMBER+STRICT', shareWith: [agencies.vsp as string] },
  });
  await transitionIncident(deps, water, cyber.id, { status: 'active' });
}
