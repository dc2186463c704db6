import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../vite.config';
import { headersFor, nginxHeaderRules } from '../e2e/nginx-headers';

const conf = readFileSync(join(__dirname, '..', 'deploy', 'nginx.conf'), 'utf8');
const rules = nginxHeaderRules(conf);

describe('deploy/nginx.conf', () => {
  it('sends the app’s Content-Security-Policy on every file (the one vite.config.ts puts in the page)', () => {
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const r of rules) expect(r.headers['content-security-policy']).toBe(`${contentSecurityPolicy}; frame-ancestors 'self'`);
  });

  it('hashed assets are immutable; the page, the service worker, the model and the examples are revalidated', () => {
    const base = rules[0]!.prefix;
    expect(headersFor(rules, `${base}assets/index-AbC123.js`)['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const p of ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'models/se-resnet20-cifar10/weights.bin', 'examples/examples.json']) {
      expect(headersFor(rules, `${base}${p}`)['cache-control'], p).toBe('no-cache');
    }
  });
});
