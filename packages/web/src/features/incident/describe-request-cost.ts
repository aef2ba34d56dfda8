import type { Resource, ResourceRequest } from '@vigil/core/resources';

const usd = (amount: number) => `$${amount.toLocaleString('en-US')}`;

/**
 * A request's cost as its card states it. The server's figure is what the assignments have accrued
 * so far (whole hours started × hourly rate, counted to now), not a price: the words say so, and when
 * the committed resources are in view, the hours and rate it comes from.
 */
export function describeRequestCost(
  request: Pick<ResourceRequest, 'costUsd' | 'resourceIds'>,
  resources: readonly Pick<Resource, 'id' | 'costRateUsdPerHour'>[],
): string {
  if (request.costUsd === 0) return 'no cost accrued yet';
  const total = `cost so far ${usd(request.costUsd)}`;
  const rates = request.resourceIds.map(
    (id) => resources.find((resource) => resource.id === id)?.costRateUsdPerHour,
  );
  const [rate] = rates;
  // Hidden, released or mixed-rate resources: the breakdown would be a guess, so only the total.
  if (rate === undefined || rate <= 0 || rates.some((other) => other !== rate)) return total;
  const count = rates.length;
  // The hours of all the resources together: true however they were split (1 h + 3 h is 4 resource-hours,
  // not "2 × 2 h"). A total that is not whole hours would be a rounding of someone else's figure.
  const hours = request.costUsd / rate;
  if (!Number.isInteger(hours)) return `${total} (${count} resources at ${usd(rate)}/h)`;
  return count > 1
    ? `${total} (${hours} resource-hours of ${count} resources at ${usd(rate)}/h)`
    : `${total} (${hours} h at ${usd(rate)}/h)`;
}
