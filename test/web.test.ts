import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

// Serving the built web app: files written by a build while the server runs, client routes,
// cache headers, and nothing outside the web folder. No SQL here, so one engine is enough.
describe('web app serving', () => {
  let t: TestApp;
  let root: string;
  let webDir: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kontor-web-'));
    webDir = join(root, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><script src="/assets/index-old.js"></script>');
    writeFileSync(join(webDir, 'assets', 'index-old.js'), 'console.log("old")');
    // A file next to the web folder that no request may reach.
    writeFileSync(join(root, 'secret.txt'), 'top secret');
    t = await createTestApp('sqlite', { webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves files that a build writes after the server started', async () => {
    expect((await get('/assets/index-new.js')).statusCode).toBe(404);
    writeFileSync(join(webDir, 'assets', 'index-new.js'), 'console.log("new")');
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><script src="/assets/index-new.js"></script>');
    const asset = await get('/assets/index-new.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("new")');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=3600');
    const page = await get('/tickets/42');
    expect(page.body).toContain('index-new.js');
  });

  it('answers client routes and the root with index.html that is never cached', async () => {
    for (const url of ['/', '/tickets/42', '/clients?q=novak', '/index.html']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps the cache headers of existing assets', async () => {
    const res = await get('/assets/index-old.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers unknown API paths and missing files with a JSON 404', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/nothing.json', '/assets/missing.js', '/favicon.ico']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_found');
    }
  });

  it('never serves a file outside the web folder', async () => {
    const attempts = [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.body, url).not.toContain('top secret');
      expect(res.statusCode, url).toBe(404);
    }
  });
});
