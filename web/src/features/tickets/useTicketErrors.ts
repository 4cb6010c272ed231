import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';
import { ticketKeys } from './api';
import { stateLabel } from './labels';
import { notify } from './notify';

/**
 * What a refused change of a ticket tells the user: a stale version raises the
 * page's "changed by someone else" notice; a transition that is no longer
 * possible names the ones that are (and the ticket reloads); anything else is
 * a notification in the user's language.
 */
export function useTicketErrorHandler(ticketId: number, onStale: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (isApiError(error) && error.code === 'stale_version') {
      onStale();
      return;
    }
    if (isApiError(error) && error.code === 'transition_not_allowed') {
      const allowed = Array.isArray(error.extra.allowed) ? (error.extra.allowed as string[]) : [];
      notify(
        'orange',
        allowed.length
          ? t('tickets.transition.notAllowed', { allowed: allowed.map((code) => stateLabel(t, { code })).join(', ') })
          : t('tickets.transition.notAllowedNone'),
      );
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
      return;
    }
    notify('red', errorText(t, error));
  };
}

/** A refused request in the user's language: what went wrong, then each field's reason. */
export function errorText(t: TFunction, error: unknown): string {
  const details = isApiError(error) ? error.details.map((d) => detailMessage(t, d)) : [];
  return [errorMessage(t, error), ...details].join(' · ');
}

export const isStale = (error: unknown) => isApiError(error) && error.code === 'stale_version';

/**
 * A state change refused because the ticket changed first: a stale version, or a step its
 * state (moved by someone else) no longer allows. The dialog stays open and reloads.
 */
export const isMoveConflict = (error: unknown) => isStale(error) || (isApiError(error) && error.code === 'transition_not_allowed');
