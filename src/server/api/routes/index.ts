// Every route of the API (src/shared/protocol/api-types.ts and push-types.ts),
// one file per area. A new route goes into its area's list; ROUTE_LIST (what
// the fuzz test requests) is made from the same lists, so it cannot drift.
import type { Route } from '../context';
import { Router, type Routable } from '../router';
import { adviserRoutes } from './advisers';
import { computerRoutes } from './computers';
import { connectionRoutes } from './connections';
import { deviceRoutes } from './devices';
import { inviteRoutes } from './invites';
import { itemRoutes } from './items';
import { pushRoutes } from './push';
import { replyRoutes } from './replies';

export const ROUTES: readonly Route[] = [
  ...adviserRoutes,
  ...computerRoutes,
  ...deviceRoutes,
  ...inviteRoutes,
  ...connectionRoutes,
  ...itemRoutes,
  ...replyRoutes,
  ...pushRoutes,
];

export const ROUTE_LIST: readonly Routable[] = ROUTES.map(({ method, pattern }) => ({ method, pattern }));

/** The router the API handler matches every request with. */
export const router = new Router(ROUTES);
