/**
 * A county-equivalent as Virginians name it: "Fairfax County", "Virginia Beach (city)". The NRI
 * names an independent city without the word, and its FIPS code alone reads as a county.
 */
export function countyLabel(county: { county: string; countyType: string | null }): string {
  return `${county.county}${county.countyType === 'City' ? ' (city)' : ' County'}`;
}
