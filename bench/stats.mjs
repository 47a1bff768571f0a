// Percentiles by nearest rank over every measured request: the load and the floor use the same function.
export function summarise(latenciesMs, elapsedMs, errors = 0) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (p) => (sorted.length === 0 ? null : round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]));
  return {
    requests: sorted.length,
    errors,
    throughputPerSecond: round((sorted.length / elapsedMs) * 1000),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.length ? round(sorted[sorted.length - 1]) : null,
  };
}

function round(value) {
  return Math.round(value * 100) / 100;
}
