import { computed, inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';

export interface InsightPeriodQuery {
  from?: string;
  to?: string;
}

/**
 * The address bar's filters of an Insight page (period, scope), so a view can be bookmarked, shared and reloaded.
 * Call in an injection context.
 */
export function injectInsightQuery(): {
  params: Signal<ParamMap>;
  param: (name: string) => string;
  period: Signal<InsightPeriodQuery>;
  set: (changes: Record<string, string | null>) => void;
} {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const params = toSignal(route.queryParamMap, { requireSync: true });
  const param = (name: string) => params().get(name) ?? '';
  const period = computed<InsightPeriodQuery>(() => ({ from: param('from') || undefined, to: param('to') || undefined }), {
    equal: (a, b) => a.from === b.from && a.to === b.to,
  });
  const set = (changes: Record<string, string | null>) => {
    const cleaned = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === '' ? null : value]));
    void router.navigate([], { relativeTo: route, queryParams: cleaned, queryParamsHandling: 'merge', replaceUrl: true });
  };
  return { params, param, period, set };
}

/** The route's path parameter as a signal (e.g. the unit of /insikt/enhet/:unitId). */
export function injectRouteParam(name: string): Signal<string> {
  const route = inject(ActivatedRoute);
  const params = toSignal(route.paramMap, { requireSync: true });
  return computed(() => params().get(name) ?? '');
}
