import { z } from 'zod';
import { markingInputSchema } from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';
import { latitudeSchema, longitudeSchema, resourceTypeKeySchema } from './resource.ts';

/**
 * An ICS 213RR resource request, from order to release. `mutual-aid-requested` and
 * `counter-offered` are the two states in which another agency holds the pen.
 */
export const requestStatuses = [
  'requested',
  'approved',
  'rejected',
  'mutual-aid-requested',
  'counter-offered',
  'filled',
  'mobilized',
  'checked-in',
  'demobilized',
  'cancelled',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** ICS 213RR block 8. */
export const requestPriorities = ['urgent', 'routine', 'low'] as const;
export type RequestPriority = (typeof requestPriorities)[number];

export const requestActions = [
  'approve',
  'reject',
  'fill',
  'accept',
  'counter-offer',
  'decline',
  'accept-counter',
  'reject-counter',
  'mobilize',
  'check-in',
  'demobilize',
  'cancel',
] as const;
export type RequestAction = (typeof requestActions)[number];

/** Who acts: the requesting agency (it owns the request) or the agency asked for mutual aid. */
export type RequestSide = 'requester' | 'supplier';

type Transition = { from: readonly RequestStatus[]; to: RequestStatus; side: RequestSide };

/**
 * The whole machine. `fill` lands in `filled` from the requester's own inventory and in
 * `mutual-aid-requested` when the resources belong to another agency (see `decideFill`).
 */
export const requestTransitions: Record<RequestAction, Transition> = {
  approve: { from: ['requested'], to: 'approved', side: 'requester' },
  reject: { from: ['requested'], to: 'rejected', side: 'requester' },
  fill: { from: ['approved'], to: 'filled', side: 'requester' },
  accept: { from: ['mutual-aid-requested'], to: 'filled', side: 'supplier' },
  'counter-offer': { from: ['mutual-aid-requested'], to: 'counter-offered', side: 'supplier' },
  decline: { from: ['mutual-aid-requested'], to: 'approved', side: 'supplier' },
  'accept-counter': { from: ['counter-offered'], to: 'filled', side: 'requester' },
  'reject-counter': { from: ['counter-offered'], to: 'approved', side: 'requester' },
  // The sending agency puts its resources on the road.
  mobilize: { from: ['filled'], to: 'mobilized', side: 'supplier' },
  // ICS 211 check-in happens at the incident, recorded by the requesting side.
  'check-in': { from: ['mobilized'], to: 'checked-in', side: 'requester' },
  demobilize: { from: ['checked-in'], to: 'demobilized', side: 'requester' },
  cancel: {
    from: ['requested', 'approved', 'mutual-aid-requested', 'counter-offered', 'filled', 'mobilized'],
    to: 'cancelled',
    side: 'requester',
  },
};

/** States in which the request holds resources (they show `assigned` and accrue cost). */
export const holdingStatuses: readonly RequestStatus[] = ['filled', 'mobilized', 'checked-in'];

export const requestCreateSchema = z.strictObject({
  /** ICS 213RR block 4: Qty, Kind/Type, Detailed Item Description. */
  quantity: z.number().int().min(1).max(100),
  resourceType: resourceTypeKeySchema,
  description: z.string().trim().max(2000).default(''),
  /** Block 4 "Requested Arrival Date/Time". */
  requestedArrival: z.iso.datetime({ offset: true }).optional(),
  /** Block 5 "Requested Delivery/Reporting Location"; coordinates drive the nearest-resource search. */
  deliveryLocation: z.string().trim().min(1).max(500),
  deliveryLat: z.number().finite().min(-90).max(90),
  deliveryLon: z.number().finite().min(-180).max(180),
  /** Block 6 "Suitable Substitutes and/or Suggested Sources". */
  substitutes: z.string().trim().max(1000).default(''),
  priority: z.enum(requestPriorities).default('routine'),
  /** Block 7 "Requested by Name/Position" (the position; the name is the signed-in user). */
  requestedByPosition: z.string().trim().max(200).default(''),
  marking: markingInputSchema.optional(),
});
export type RequestCreate = z.infer<typeof requestCreateSchema>;

export const requestActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('reject'), note: z.string().trim().min(1).max(1000) }),
  z.strictObject({
    action: z.literal('fill'),
    resourceIds: z.array(z.string().min(1).max(64)).min(1).max(100),
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({
    action: z.literal('accept'),
    resourceIds: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({
    action: z.literal('counter-offer'),
    resourceIds: z.array(z.string().min(1).max(64)).min(1).max(100),
    note: z.string().trim().min(1).max(1000),
  }),
  z.strictObject({ action: z.literal('decline'), note: z.string().trim().min(1).max(1000) }),
  z.strictObject({ action: z.literal('accept-counter'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('reject-counter'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('mobilize'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('check-in'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('demobilize'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('cancel'), note: z.string().trim().min(1).max(1000) }),
]);
export type RequestActionInput = z.infer<typeof requestActionSchema>;

export const requestStepSchema = z.object({ status: z.enum(requestStatuses), at: z.string() });

export const resourceRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  incidentId: z.string(),
  quantity: z.number().int(),
  resourceType: z.string(),
  typeLabel: z.string(),
  description: z.string(),
  requestedArrival: z.string().nullable(),
  estimatedArrival: z.string().nullable(),
  deliveryLocation: z.string(),
  deliveryLat: z.number(),
  deliveryLon: z.number(),
  substitutes: z.string(),
  priority: z.enum(requestPriorities),
  requestedByUserId: z.string(),
  requestedByName: z.string(),
  requestedByPosition: z.string(),
  status: z.enum(requestStatuses),
  supplierAgencyId: z.string().nullable(),
  /** Resources proposed or committed: by the requester's fill, the supplier's acceptance or its counter-offer. */
  resourceIds: z.array(z.string()),
  note: z.string().nullable(),
  costUsd: z.number(),
  steps: z.array(requestStepSchema),
  marking: markingViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResourceRequest = z.infer<typeof resourceRequestSchema>;
export const resourceRequestListSchema = z.object({ items: z.array(resourceRequestSchema) });

export const requestListQuerySchema = z.strictObject({
  incidentId: z.string().min(1).max(64).optional(),
  status: z.enum(requestStatuses).optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

/** Nearest search around a request's delivery location (query of the suggestion endpoint). */
export const suggestionQuerySchema = z.strictObject({
  k: z.coerce.number().int().min(1).max(100).optional(),
  lat: latitudeSchema.optional(),
  lon: longitudeSchema.optional(),
});
