// A user who is only a client contact has one client, their own organisation: the
// navigation names it so and opens its page, and the client list leads there. The
// session says which it is (clientId), so nothing more is asked.
import type { TFunction } from 'i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import type { NotFoundText } from '../../app/components/QueryStates';
import { isClientContactOnly, organisationPath } from '../dashboard/home';

export interface OwnOrganisation {
  /** The user is only a client contact (staff roles beside it make them staff). */
  clientOnly: boolean;
  /** Their organisation's id; null for staff. */
  id: number | null;
}

export function useOwnOrganisation(): OwnOrganisation {
  const { user } = useAuth();
  const clientOnly = !!user && isClientContactOnly(user.roles);
  return { clientOnly, id: clientOnly ? user.clientId : null };
}

/** Where "Your organisation" leads: its page (the client list, which forwards there, should the id be missing). */
export const ownOrganisationPath = (own: OwnOrganisation): string => organisationPath(own.id);

/**
 * A client's "not found" as this user reads it: staff go back to the client list; a client
 * contact has no such list, so their way back is their own organisation (home when the
 * session names none).
 */
export function clientNotFoundText(notFound: NotFoundText, own: OwnOrganisation, t: TFunction): NotFoundText {
  if (!own.clientOnly) return notFound;
  const back = own.id === null ? { to: '/', label: t('clients.notFound.backHome') } : { to: organisationPath(own.id), label: t('clients.notFound.backOwn') };
  return { ...notFound, back };
}
