import type { ComponentType } from 'react';
import type { LazyRouteFunction, RouteObject } from 'react-router';

/**
 * A route whose screen is its own chunk, fetched when first opened (the service worker precaches them all, so
 * this works offline too): a phone's first visit downloads the home screen only.
 */
export const screen =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyRouteFunction<RouteObject> =>
  async () => ({ Component: pick(await load()) });
