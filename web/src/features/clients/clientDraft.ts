// The client form keeps what was typed for the tab's life (app/draftStorage.ts,
// app/useFormDraft.ts), one draft per client and one for a new client. A draft typed on an
// older version of the client is never filled in over the newer one saved since.
import { readFieldsOver, sameFormValues } from '../../app/draftStorage';
import { isLanguage } from '../../i18n';
import { type ClientFormValues, emptyClientValues } from './clientFormModel';

export const clientDraftKey = (clientId: number | null) => `kontor.client.${clientId ?? 'new'}`;

/** True when the form holds just what it opened with (the client as saved, or a new form's defaults). */
export function isUntouchedClient(values: ClientFormValues, untouched: ClientFormValues): boolean {
  return sameFormValues(values, untouched);
}

/** The stored draft as form values over a new form's defaults; null when it is none. */
export function readClientDraft(stored: unknown): ClientFormValues | null {
  const defaults = emptyClientValues('cs');
  const values = readFieldsOver(stored, defaults, { paymentTermsDays: ['number', 'string'] });
  if (!values) return null;
  if (!isLanguage(values.language)) values.language = defaults.language;
  values.registeredAddress = readFieldsOver(values.registeredAddress, defaults.registeredAddress) ?? defaults.registeredAddress;
  values.billingAddress = readFieldsOver(values.billingAddress, defaults.billingAddress) ?? defaults.billingAddress;
  return values;
}
