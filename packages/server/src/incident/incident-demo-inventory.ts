/* Demo data (invented holdings at real station locations): which demo agency holds which typed resources. */

/** Who owns what, where: agency key → cities of its stations and the typed resources it holds. */
export const demoInventory: {
  agency: string;
  cities: string[];
  holds: [type: string, count: number, label: string][];
}[] = [
  {
    agency: 'vdem',
    cities: ['Richmond', 'Henrico', 'Glen Allen'],
    holds: [
      ['ambulance-strike-team/type-1', 3, 'VA EMS Strike Team'],
      ['generator/type-2', 4, 'VDEM Generator'],
      ['incident-management-team/type-3', 1, 'VA IMT'],
      ['shelter-management-team/type-2', 2, 'VDEM Shelter Team'],
      ['swiftwater-flood-search-and-rescue-team/type-1', 1, 'VA Swiftwater'],
    ],
  },
  {
    agency: 'richmond',
    cities: ['Richmond'],
    holds: [
      ['ambulance-ground-team/type-1', 6, 'Richmond Ambulance'],
      ['engine-fire/type-1', 6, 'Richmond Engine'],
      ['ambulance-strike-team/type-2', 1, 'Richmond Strike Team'],
    ],
  },
  {
    agency: 'norfolk',
    cities: ['Norfolk'],
    holds: [
      ['ambulance-ground-team/type-1', 6, 'Norfolk Medic'],
      ['engine-fire/type-1', 8, 'Norfolk Engine'],
      ['swiftwater-flood-search-and-rescue-team/type-2', 1, 'Norfolk Water Rescue'],
      ['generator/type-3', 2, 'Norfolk Generator'],
    ],
  },
  {
    agency: 'chesapeake',
    cities: ['Chesapeake'],
    holds: [
      ['ambulance-ground-team/type-2', 5, 'Chesapeake Medic'],
      ['engine-fire/type-1', 6, 'Chesapeake Engine'],
      ['generator/type-2', 3, 'Chesapeake Generator'],
      ['ambulance-strike-team/type-1', 1, 'Chesapeake Strike Team'],
    ],
  },
  {
    agency: 'vabeach',
    cities: ['Virginia Beach'],
    holds: [
      ['ambulance-ground-team/type-1', 6, 'VB Rescue'],
      ['engine-fire/type-1', 8, 'VB Engine'],
      ['swiftwater-flood-search-and-rescue-team/type-1', 1, 'VB Swiftwater'],
    ],
  },
  {
    agency: 'fairfax',
    cities: ['Fairfax', 'Springfield', 'Annandale', 'Reston'],
    holds: [
      ['ambulance-strike-team/type-1', 2, 'Fairfax Strike Team'],
      ['urban-search-and-rescue-task-force/type-1', 1, 'VA-TF1 (Fairfax)'],
      ['engine-fire/type-1', 6, 'Fairfax Engine'],
    ],
  },
  {
    agency: 'accomack',
    cities: ['Accomac', 'Onancock', 'Parksley', 'Chincoteague'],
    holds: [
      ['ambulance-ground-team/type-3', 3, 'Accomack Medic'],
      ['engine-fire/type-3', 3, 'Accomack Engine'],
    ],
  },
];
