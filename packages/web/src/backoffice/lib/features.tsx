import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { Feature } from '../shell/nav.js';

/**
 * Which parts of the API this server has, read once from its OpenAPI document: screens
 * for routes a server does not offer (an older version, a part not deployed) stay hidden.
 */
const PROBES: Record<Feature, RegExp> = {
  businesses: /^\/api\/v1\/businesses/,
  dossiers: /^\/api\/v1\/dossiers/,
  staff: /^\/api\/v1\/(businesses\/\{[^}]+\}\/staff|staff)/,
  permits: /^\/api\/v1\/permits/,
  keys: /^\/api\/v1\/(wards\/\{[^}]+\}\/keys|keys)/,
  scans: /^\/api\/v1\/scans/,
  inspection: /^\/api\/v1\/inspection/,
};

export interface Features {
  ready: boolean;
  paths: string[];
  has(feature: Feature): boolean;
  /** True when the API has this exact path template (`/api/v1/dossiers/{id}/submit`). */
  hasPath(path: string, method?: string): boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}

const FeaturesContext = createContext<Features>({ ready: false, paths: [], has: () => false, hasPath: () => false });

export function FeaturesProvider({ children }: { children: ReactNode }) {
  const [doc, setDoc] = useState<OpenApiDoc | null>(null);
  useEffect(() => {
    let live = true;
    void fetch('/api/openapi.json', { credentials: 'same-origin' })
      .then((r) => (r.ok ? (r.json() as Promise<OpenApiDoc>) : { paths: {} }))
      .catch(() => ({ paths: {} }))
      .then((d) => live && setDoc(d));
    return () => {
      live = false;
    };
  }, []);
  const paths = doc ? Object.keys(doc.paths) : [];
  const value: Features = {
    ready: doc !== null,
    paths,
    has: (f) => paths.some((p) => PROBES[f].test(p)),
    hasPath: (p, method) => {
      const ops = doc?.paths[p];
      return !!ops && (!method || method.toLowerCase() in ops);
    },
  };
  return <FeaturesContext.Provider value={value}>{children}</FeaturesContext.Provider>;
}

export function useFeatures(): Features {
  return useContext(FeaturesContext);
}
