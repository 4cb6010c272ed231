import fc from 'fast-check';
import { Histogram, Registry, type Metric } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SeriesHistogram } from '../src/platform/http/metrics.ts';

// The request-duration histogram must read in /metrics exactly as prom-client's own
// Histogram with the same observations (so dashboards and alerts see no difference).
const buckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

const observation = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PATCH'),
  route: fc.constantFrom('/api/v1/clients/:id', '/api/v1/clients', 'unmatched', '/api/v1/"odd"\\route\n'),
  status: fc.constantFrom(200, 201, 400, 404, 500),
  seconds: fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(...buckets, 0)),
});

async function render(observations: { method: string; route: string; status: number; seconds: number }[]) {
  const theirs = new Registry();
  const reference = new Histogram({ name: 'h_seconds', help: 'help', labelNames: ['method', 'route', 'status'], buckets, registers: [theirs] });
  const ours = new Registry();
  const histogram = new SeriesHistogram('h_seconds', 'help', buckets);
  ours.registerMetric(histogram as unknown as Metric);
  for (const o of observations) {
    reference.observe({ method: o.method, route: o.route, status: String(o.status) }, o.seconds);
    histogram.observe(o.method, o.route, o.status, o.seconds);
  }
  return { ours: await ours.metrics(), theirs: await theirs.metrics(), oursJson: await ours.getMetricsAsJSON(), theirsJson: await theirs.getMetricsAsJSON() };
}

describe('request duration histogram', () => {
  it('writes the same exposition as prom-client for any observations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(observation, { maxLength: 60 }), async (observations) => {
        const r = await render(observations);
        expect(r.ours).toBe(r.theirs);
        expect(JSON.parse(JSON.stringify(r.oursJson))).toEqual(JSON.parse(JSON.stringify(r.theirsJson)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts each observation in its bucket, sum and count', async () => {
    const r = await render([
      { method: 'GET', route: '/x', status: 200, seconds: 0.003 },
      { method: 'GET', route: '/x', status: 200, seconds: 0.2 },
    ]);
    expect(r.ours).toContain('h_seconds_bucket{le="0.001",method="GET",route="/x",status="200"} 0');
    expect(r.ours).toContain('h_seconds_bucket{le="0.005",method="GET",route="/x",status="200"} 1');
    expect(r.ours).toContain('h_seconds_bucket{le="+Inf",method="GET",route="/x",status="200"} 2');
    expect(r.ours).toContain('h_seconds_count{method="GET",route="/x",status="200"} 2');
  });
});
