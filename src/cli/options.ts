import { InvalidArgumentError } from 'commander';
import { isoDateProblem } from '../shared/calendar/index.ts';
import { periodProblem, type PeriodKind } from '../shared/period.ts';

/**
 * Option values checked as the API checks the same fields, with the same words, before a
 * command opens anything: a day or month that does not exist (2026-02-30, 2026-13) is a
 * usage error of one line naming the option, like any other bad option.
 */
function checkedBy(problem: (text: string) => string | null): (text: string) => string {
  return (text) => {
    const message = problem(text);
    if (message !== null) throw new InvalidArgumentError(message);
    return text;
  };
}

/** A calendar date YYYY-MM-DD. */
export const dateValue = checkedBy((text) => isoDateProblem(text));

/** A period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY; only a month with `kind` 'month'. */
export function periodValue(kind?: PeriodKind): (text: string) => string {
  return checkedBy((text) => periodProblem(text, kind));
}
