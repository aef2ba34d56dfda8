import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Incident } from '@vigil/core/incident';
import {
  type NearestItem,
  type RequestAction,
  type Resource,
  type ResourceRequest,
  requestTransitions,
} from '@vigil/core/resources';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { formatTime } from '../../ui/format-time.ts';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { useDirectory } from '../bulletins/use-directory.ts';
import { describeRequestCost } from './describe-request-cost.ts';
import { formUrl, incidentApi } from './incident-client.ts';
import { requestStatusColours, resourceStatusColours, StatusTag } from './status-colours.tsx';

/**
 * Requests (ICS 213RR) of the incident, from order to demobilization, and the resources assigned to it.
 * `mayRequest`: the user holds resource.request; without it the requests are only shown.
 */
export function ResourcesTab(props: { incident: Incident; mayRequest: boolean }) {
  const { incident } = props;
  const requests = useQuery({
    queryKey: ['resource-requests', incident.id],
    queryFn: () => incidentApi.listRequests(incident.id),
  });
  const assigned = useQuery({
    queryKey: ['resources', 'incident', incident.id],
    queryFn: () => incidentApi.listResources(`&incidentId=${encodeURIComponent(incident.id)}`),
  });
  const directory = useDirectory();
  return (
    <>
      <h2>Resource requests (ICS 213RR)</h2>
      {props.mayRequest ? <NewRequestForm incident={incident} /> : null}
      <ProblemNote error={requests.error} />
      {requests.data?.items.map((request) => (
        <RequestCard
          key={request.id}
          request={request}
          incident={incident}
          resources={assigned.data?.items ?? []}
          mayAct={props.mayRequest}
        />
      ))}
      <h2>Resources assigned</h2>
      <table className="ops-table" aria-label="Resources assigned to the incident">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Type</th>
            <th scope="col">Agency</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {assigned.data?.items.map((resource) => (
            <tr key={resource.id} data-resource-id={resource.id}>
              <td>{resource.name}</td>
              <td>{resource.typeLabel}</td>
              <td>{directory.agencyName(resource.agencyId)}</td>
              <td>
                <StatusTag status={resource.status} colour={resourceStatusColours[resource.status]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewRequestForm(props: { incident: Incident }) {
  const queryClient = useQueryClient();
  const types = useQuery({
    queryKey: ['resource-types'],
    queryFn: incidentApi.resourceTypes,
    staleTime: Infinity,
  });
  const [type, setType] = useState('ambulance-strike-team/type-1');
  const create = useMutation({
    mutationFn: (values: { quantity: number; deliveryLocation: string; priority: string }) =>
      incidentApi.createRequest(props.incident.id, {
        quantity: values.quantity,
        resourceType: type,
        deliveryLocation: values.deliveryLocation,
        deliveryLat: props.incident.lat,
        deliveryLon: props.incident.lon,
        priority: values.priority as 'urgent',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resource-requests', props.incident.id] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({
      quantity: Number(data.get('quantity')),
      deliveryLocation: String(data.get('deliveryLocation')),
      priority: String(data.get('priority')),
    });
  };
  return (
    <form className="ops-form" aria-label="Request a resource" onSubmit={submit}>
      <label>
        Qty
        <input name="quantity" type="number" min={1} max={100} defaultValue={1} required />
      </label>
      <label>
        Kind and type
        <select value={type} onChange={(e) => setType(e.target.value)}>
          {types.data?.items.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Delivery/reporting location
        <input name="deliveryLocation" required defaultValue={`${props.incident.name} command post`} />
      </label>
      <label>
        Priority
        <select name="priority" defaultValue="urgent">
          <option value="urgent">Urgent</option>
          <option value="routine">Routine</option>
          <option value="low">Low</option>
        </select>
      </label>
      <button type="submit" className="button" disabled={create.isPending}>
        Request
      </button>
      <ProblemNote error={create.error} />
    </form>
  );
}

const actionLabels: Partial<Record<RequestAction, string>> = {
  approve: 'Approve',
  accept: 'Accept mutual aid',
  'accept-counter': 'Accept counter-offer',
  mobilize: 'Mobilize',
  'check-in': 'Check in (ICS 211)',
  demobilize: 'Demobilize',
};

function RequestCard(props: {
  request: ResourceRequest;
  incident: Incident;
  resources: readonly Resource[];
  mayAct: boolean;
}) {
  const { request } = props;
  const user = useSignedIn();
  const directory = useDirectory();
  const queryClient = useQueryClient();
  const [suggested, setSuggested] = useState<NearestItem[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const act = useMutation({
    mutationFn: (input: Parameters<typeof incidentApi.act>[1]) => incidentApi.act(request.id, input),
    onSuccess: () => {
      setSuggested(null);
      void queryClient.invalidateQueries({ queryKey: ['resource-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
    },
  });
  const suggest = useMutation({
    mutationFn: () => incidentApi.suggestions(request.id),
    onSuccess: (result) => {
      setSuggested(result.items);
      // Preselect the nearest of one agency, as many as ordered: a fill draws on one agency.
      const firstAgency = result.items[0]?.agencyId;
      setChosen(
        result.items
          .filter((i) => i.agencyId === firstAgency)
          .slice(0, request.quantity)
          .map((i) => i.id),
      );
    },
  });
  // Acting for an agency needs resource.request too: an administrator of the requesting agency may not.
  const isRequester = props.mayAct && request.marking.ownerAgencyId === user.agencyId;
  const isSupplier = props.mayAct && request.supplierAgencyId === user.agencyId;
  const possible = (Object.keys(actionLabels) as RequestAction[]).filter((action) => {
    const t = requestTransitions[action];
    return (
      t.from.includes(request.status) &&
      ((t.side === 'requester' && isRequester) || (t.side === 'supplier' && isSupplier))
    );
  });
  return (
    <article
      className="ops-request"
      aria-label={`Resource request ${request.number}`}
      data-request-id={request.id}
      data-status={request.status}
    >
      <h3>
        {request.number}: {request.quantity} × {request.typeLabel}{' '}
        <StatusTag status={request.status} colour={requestStatusColours[request.status]} />
      </h3>
      <p className="ops-meta">
        {request.priority} · deliver to {request.deliveryLocation} · ordered {formatTime(request.createdAt)}
        {request.supplierAgencyId ? ` · supplier ${directory.agencyName(request.supplierAgencyId)}` : ''}
        {request.estimatedArrival ? ` · ETA ${formatTime(request.estimatedArrival)}` : ''} ·{' '}
        {describeRequestCost(request, props.resources)}
      </p>
      <div className="ops-actions">
        {possible.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => act.mutate({ action } as Parameters<typeof incidentApi.act>[1])}
            disabled={act.isPending}
          >
            {actionLabels[action]}
          </button>
        ))}
        {isSupplier && request.status === 'mutual-aid-requested' ? (
          <button type="button" onClick={() => act.mutate({ action: 'decline', note: 'Not available' })}>
            Decline
          </button>
        ) : null}
        {isRequester && request.status === 'approved' ? (
          <button type="button" onClick={() => suggest.mutate()} disabled={suggest.isPending}>
            Suggest nearest
          </button>
        ) : null}
        <a href={formUrl(props.incident.id, 'ics-213rr', 'pdf', request.id)} download>
          ICS 213RR (PDF)
        </a>
      </div>
      <ProblemNote error={act.error ?? suggest.error} />
      {suggested ? (
        <fieldset className="ops-suggestions">
          <legend>Nearest available ({suggested.length})</legend>
          {suggested.length === 0 ? <p className="muted">None available that you may see.</p> : null}
          {suggested.map((item) => (
            <label key={item.id} className="choice-inline">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, item.id] : c.filter((id) => id !== item.id)))
                }
              />
              {item.name} — {directory.agencyName(item.agencyId)}, {item.distanceKm.toFixed(1)} km, ETA{' '}
              {Math.round(item.etaMinutes)} min
            </label>
          ))}
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0 || act.isPending}
            onClick={() => act.mutate({ action: 'fill', resourceIds: chosen })}
          >
            Fill with {chosen.length} selected
          </button>
        </fieldset>
      ) : null}
    </article>
  );
}
