import { useQuery } from '@tanstack/react-query';
import { vigilClient } from '../../api/vigil-client.ts';

/** Agencies and people by id, for names on cards and for the share-list pickers. */
export function useDirectory() {
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => vigilClient.listAgencies() });
  const users = useQuery({ queryKey: ['users'], queryFn: () => vigilClient.listUsers() });
  const agencyName = (id: string) => agencies.data?.items.find((a) => a.id === id)?.name ?? id;
  const userName = (id: string) => {
    const user = users.data?.items.find((u) => u.id === id);
    return user ? `${user.displayName} (${agencyName(user.agencyId)})` : id;
  };
  return { agencies: agencies.data?.items ?? [], users: users.data?.items ?? [], agencyName, userName };
}
