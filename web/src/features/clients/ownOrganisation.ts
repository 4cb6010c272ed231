// A user who is only a client contact has one client, their own organisation: the
// navigation names it so and opens its page, and the client list leads there.
import { useAuth } from '../../app/auth/AuthProvider';
import { isClientContactOnly } from '../dashboard/home';
import { useOwnClientId } from './api';

export interface OwnOrganisation {
  /** The user is only a client contact (staff roles beside it make them staff). */
  clientOnly: boolean;
  /** Their organisation's id; null for staff, and while it is being read. */
  id: number | null;
  /** Still reading which organisation it is. */
  pending: boolean;
}

export function useOwnOrganisation(): OwnOrganisation {
  const { user } = useAuth();
  const clientOnly = !!user && isClientContactOnly(user.roles);
  const query = useOwnClientId(clientOnly);
  return { clientOnly, id: clientOnly ? (query.data ?? null) : null, pending: clientOnly && query.isPending };
}

/** Where "Your organisation" leads: its page, or the client list (which forwards there) until its id is known. */
export const ownOrganisationPath = (own: OwnOrganisation): string => (own.id === null ? '/clients' : `/clients/${own.id}`);
