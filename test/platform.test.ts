import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.ts';
import { migrateToLatest } from '../src/platform/db/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { createTestDatabase, testEngines } from './db.ts';

describe.each(testEngines())('platform on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('migrates an empty database and is idempotent', async () => {
    const db = await createTestDatabase(engine, { migrate: false });
    try {
      expect(await migrateToLatest(db.db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db.db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('reports health with the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', db: engine });
  });

  it('serves Prometheus metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('kontor_http_request_duration_seconds_bucket');
    expect(res.body).toContain('kontor_process_resident_memory_bytes');
  });

  it('documents every API route in OpenAPI 3.1, with its request schema', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const route of t.app.routeTable) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect([route.method, path, Boolean(spec.paths[path]?.[route.method.toLowerCase()])]).toEqual([route.method, path, true]);
    }
    expect(spec.paths['/api/v1/clients'].post.requestBody.content['application/json'].schema.properties.companyId).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
