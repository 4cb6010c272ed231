// How the process editor shows the names of the default process: in the reader's
// language while they are the seeded English defaults, as given once renamed
// (the same rule as the ticket screens, tickets/labels.ts).
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { stateLabel } from '../../tickets/labels';
import { codeFromName, type NameDisplay } from './processModel';

/** The default transitions are named by their English name ("Start work" → defaultTransitions.start_work). */
export function transitionLabel(t: TFunction, name: string): string {
  const key = `admin.process.defaultTransitions.${codeFromName(name)}`;
  return i18n.exists(key) && i18n.getFixedT('en')(key) === name ? t(key) : name;
}

export function processNameDisplay(t: TFunction): NameDisplay {
  return { state: (s) => stateLabel(t, s), transition: (name) => transitionLabel(t, name) };
}
