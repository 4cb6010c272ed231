import { useCallback } from 'react';
import { useSearchParams, type NavigateOptions, type URLSearchParamsInit } from 'react-router';

type Next = URLSearchParamsInit | ((current: URLSearchParams) => URLSearchParamsInit);

/**
 * React Router's `useSearchParams`, except that a function given to the setter gets the
 * address's parameters as they are now. The router hands it the parameters of the last
 * render, so two changes before the page renders again (a filter picked, then another
 * at once) lost the first: the audit log's "record + approved" became "approved" alone.
 */
export function useSearchParamsFresh(): [URLSearchParams, (next: Next, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (next: Next, options?: NavigateOptions) =>
      setParams(typeof next === 'function' ? () => next(new URLSearchParams(window.location.search)) : next, options),
    [setParams],
  );
  return [params, set];
}
