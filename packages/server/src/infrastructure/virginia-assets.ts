import { readFileSync } from 'node:fs';
import {
  assignPopulationToNearest,
  type CisaSector,
  type CountyShape,
  findCountyOf,
  type GraphEdge,
  inferPowerDependencies,
  readCsvRows,
  type Site,
  toCountyShape,
} from '@vigil/core';
import type { AssetFields } from './infrastructure.actions.ts';

const dataDir = new URL('../../../../data/', import.meta.url);

/** Rows of a shipped CSV as records keyed by header (files are ours, small, and read once). */
function readTable(file: string): Record<string, string>[] {
  const rows = [...readCsvRows(readFileSync(new URL(`infrastructure/${file}`, dataDir), 'utf8'))];
  const header = (rows.shift()?.fields ?? []).map((name) => name.trim());
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row.fields[i] ?? ''])));
}

function loadCounties(): CountyShape[] {
  const geo = JSON.parse(readFileSync(new URL('derived/virginia-counties.geojson', dataDir), 'utf8')) as {
    features: { properties: { fips: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return geo.features.map((f) => toCountyShape(f.properties.fips, f.geometry));
}

const num = (text: string | undefined) => {
  const value = Number(text);
  return text === undefined || text.trim() === '' || !Number.isFinite(value) ? null : value;
};

/** Web Mercator (EPSG:3857) metres to WGS84 degrees: the fire-station file is in metres. */
export function fromWebMercator(x: number, y: number): { lon: number; lat: number } {
  const r = 6378137;
  return {
    lon: ((x / r) * 180) / Math.PI,
    lat: ((2 * Math.atan(Math.exp(y / r)) - Math.PI / 2) * 180) / Math.PI,
  };
}

/**
 * A substation's name as people can read it. Where HIFLD has no name it writes a placeholder
 * made of a word and the substation's own id ("UNKNOWN121383" for a substation, "TAP147951",
 * "DEADEND167384", "RISER155684"); those become the record's type and id, saying so
 * ("Substation 121383 (no name in source data)").
 */
export function substationName(row: Readonly<Record<string, string>>): string {
  const name = (row.sub_name ?? '').trim();
  const id = (row.sub_id ?? '').trim();
  const placeholder = name === '' || (/^\d+$/.test(id) && new RegExp(`^[A-Z]+${id}$`).test(name));
  if (!placeholder) return name.slice(0, 200);
  const type = (row.type ?? '').trim().toLowerCase() || 'substation';
  return `${type.charAt(0).toUpperCase()}${type.slice(1)} ${id} (no name in source data)`;
}

/** Substations at 200 kV and above are treated as transmission, the rest as distribution. */
export const transmissionKv = 200;

export type VirginiaInfrastructure = {
  hospitals: AssetFields[];
  fireStations: AssetFields[];
  powerPlants: AssetFields[];
  substations: AssetFields[];
  dams: AssetFields[];
  edges: GraphEdge[];
};

function asset(
  fields: Pick<AssetFields, 'id' | 'name' | 'sector' | 'type' | 'lon' | 'lat'> & Partial<AssetFields>,
  counties: CountyShape[],
): AssetFields {
  return {
    subsector: '',
    operator: '',
    capacity: null,
    capacityUnit: '',
    populationServed: 0,
    backupHours: 0,
    criticality: 3,
    source: '',
    ...fields,
    countyFips: fields.countyFips ?? findCountyOf(fields.lon, fields.lat, counties),
  };
}

/**
 * Virginia's real hospitals, fire/EMS stations, power plants, substations and dams from
 * `data/infrastructure` (see its PROVENANCE.md), with the demo's inferred electric-power
 * dependencies and the residents each substation serves (block groups to their nearest one). Assumptions (backups, criticality) are documented in docs/modules/infrastructure.md.
 */
export function loadVirginiaInfrastructure(): VirginiaInfrastructure {
  const counties = loadCounties();
  const hospitals = readTable('hifld_hospitals_VA.csv')
    .filter((row) => row.STATUS === 'OPEN')
    .map((row) => {
      const beds = Math.max(0, num(row.BEDS) ?? 0);
      const trauma = row.TRAUMA ?? '';
      return asset(
        {
          id: `hifld-hospital-${row.ID}`,
          name: (row.NAME ?? '').slice(0, 200),
          sector: 'healthcare-and-public-health',
          subsector: (row.TYPE ?? '').toLowerCase(),
          type: 'hospital',
          lon: Number(row.LONGITUDE),
          lat: Number(row.LATITUDE),
          countyFips: (row.COUNTYFIPS ?? '').padStart(5, '0'),
          operator: (row.OWNER ?? '').toLowerCase(),
          capacity: beds || null,
          capacityUnit: beds ? 'beds' : '',
          // Inpatients ride on the hospital's power: HIFLD's POPULATION field is its beds.
          populationServed: beds,
          backupHours: 48,
          criticality:
            /LEVEL I{1,2}\b/.test(trauma) && !/LEVEL III/.test(trauma)
              ? 5
              : row.TYPE === 'GENERAL ACUTE CARE'
                ? 4
                : 3,
          source: 'HIFLD Hospitals (DHS, public domain)',
        },
        counties,
      );
    });
  const fireStations = readTable('usgs_fire_ems_stations_VA.csv').map((row) => {
    const { lon, lat } = fromWebMercator(Number(row.X), Number(row.Y));
    return asset(
      {
        id: `usgs-fire-${row.OBJECTID}`,
        name: (row.NAME || 'Fire/EMS station').slice(0, 200),
        sector: 'emergency-services',
        subsector: 'fire and EMS',
        type: 'fire/EMS station',
        lon,
        lat,
        backupHours: 24,
        source: 'USGS National Structures Dataset (public domain)',
      },
      counties,
    );
  });
  const powerPlants = readTable('eia_power_plants_VA.csv').map((row) => {
    const mw = num(row.Total_MW) ?? 0;
    const sector: CisaSector =
      row.PrimSource === 'nuclear' ? 'nuclear-reactors-materials-and-waste' : 'energy';
    return asset(
      {
        id: `eia-plant-${row.Plant_Code}`,
        name: (row.Plant_Name ?? '').slice(0, 200),
        sector,
        subsector: row.PrimSource ?? '',
        type: 'power plant',
        lon: Number(row.longitude),
        lat: Number(row.latitude),
        operator: (row.Utility_Name ?? '').slice(0, 200),
        capacity: mw,
        capacityUnit: 'MW',
        criticality: mw >= 1000 ? 5 : mw >= 100 ? 4 : 2,
        source: 'EIA Power Plants (public domain)',
      },
      counties,
    );
  });
  const kv = new Map(readTable('hifld_buses_VA.csv').map((row) => [row.Bus_id, num(row.base_KV)]));
  const substations = readTable('hifld_substations_VA.csv').map((row) => {
    const voltage = kv.get(row.sub_id);
    const known = voltage !== null && voltage !== undefined && voltage > 0;
    const transmission = known && (voltage as number) >= transmissionKv;
    return asset(
      {
        id: `hifld-substation-${row.sub_id}`,
        name: substationName(row),
        sector: 'energy',
        subsector: (row.type ?? '').toLowerCase(),
        type: transmission ? 'transmission substation' : 'distribution substation',
        lon: Number(row.lon),
        lat: Number(row.lat),
        capacity: known ? Math.round((voltage as number) * 10) / 10 : null,
        capacityUnit: known ? 'kV' : '',
        criticality: transmission ? ((voltage as number) >= 345 ? 5 : 4) : 3,
        source: 'HIFLD Electric Substations (DHS, public domain)',
      },
      counties,
    );
  });
  const dams = readTable('usgs_major_dams_VA.csv').map((row) =>
    asset(
      {
        id: `nid-dam-${row.NIDID}-${row.OBJECTID}`,
        name: (row.DAM_NAME ?? '').trim().slice(0, 200) || 'Dam',
        sector: 'dams',
        subsector: `hazard ${row.HAZARD}`,
        type: 'dam',
        lon: Number(row.LONGITUDE),
        lat: Number(row.LATITUDE),
        operator: (row.OWN_NAME ?? '').trim().slice(0, 200),
        capacity: num(row.NORMAL_STO),
        capacityUnit: 'acre-ft',
        criticality: row.HAZARD === 'H' ? 5 : row.HAZARD === 'S' ? 4 : 2,
        source: 'USGS National Atlas Major Dams / NID (public domain)',
      },
      counties,
    ),
  );

  const site = (a: AssetFields): Site => ({ id: a.id as string, lon: a.lon, lat: a.lat });
  const distribution = substations.filter((s) => s.type === 'distribution substation');
  // Every substation steps power down to some customers: residents go to the nearest one of any voltage.
  const residents = assignPopulationToNearest(
    readTable('va_blockgroup_population.csv').map((row) => ({
      lon: Number(row.longitude),
      lat: Number(row.latitude),
      population: Number(row.total_pop),
    })),
    substations.map(site),
  );
  for (const s of substations) s.populationServed = residents.get(s.id as string) ?? 0;
  const edges = inferPowerDependencies({
    generation: powerPlants.map(site),
    transmission: substations.filter((s) => s.type === 'transmission substation').map(site),
    distribution: distribution.map(site),
    facility: [...hospitals, ...fireStations].map(site),
  });
  return { hospitals, fireStations, powerPlants, substations, dams, edges };
}
