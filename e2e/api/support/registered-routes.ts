import type { Express } from 'express';
import type { RouteKey } from '../authorization-matrix';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every `METHOD /api/path` Express holds after Nest registered every controller (the API docs left out). */
export function registeredRoutes(express: Express): RouteKey[] {
  const router =
    (express as unknown as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } }).router ??
    (express as unknown as { _router: { stack: Layer[] } })._router;
  const routes: RouteKey[] = [];
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const path = layer.route.path;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') routes.push(`${method.toUpperCase()} ${path}` as RouteKey);
    }
  }
  return [...new Set(routes)].sort();
}
