import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, type Query } from './api-client.js';

export interface ApiData<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  /** Replace the data locally (after a write that returned the new state). */
  setData(update: T | ((old: T | null) => T | null)): void;
}

/** GETs `path` (null: nothing yet) and re-fetches when the path or query changes. */
export function useApi<T>(path: string | null, query?: Query): ApiData<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const latest = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick forces a reload
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const ctl = new AbortController();
    const n = ++latest.current;
    setLoading(true);
    void api.get<T>(path, JSON.parse(queryKey) as Query, ctl.signal).then((r) => {
      if (n !== latest.current) return;
      setLoading(false);
      if (r.ok) {
        setDataState(r.data);
        setError(null);
      } else if (r.error.code !== 'aborted') setError(r.error);
    });
    return () => ctl.abort();
  }, [path, queryKey, tick]);
  const reload = useCallback(() => setTick((x) => x + 1), []);
  const setData = useCallback((update: T | ((old: T | null) => T | null)) => {
    setDataState((old) => (typeof update === 'function' ? (update as (o: T | null) => T | null)(old) : update));
  }, []);
  return { data, error, loading, reload, setData };
}
