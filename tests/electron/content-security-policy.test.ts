import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/console/security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const metaPolicy = () => {
  const html = readFileSync('renderer/index.html', 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(match, 'renderer/index.html has a Content-Security-Policy meta tag').not.toBeNull();
  return match![1];
};

describe.each([
  ['the renderer page (Electron window)', metaPolicy],
  ['the console\'s headers', () => CONTENT_SECURITY_POLICY],
])('the Content-Security-Policy of %s', (_name, policyOf) => {
  it('runs scripts only from the app itself, never eval or inline', () => {
    const csp = directives(policyOf());
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(policyOf()).not.toContain("'unsafe-eval'");
  });

  it('allows no plugins, no base rewriting, no form posts, and connects only home', () => {
    const csp = directives(policyOf());
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});

it('the console sends the policy with framing refused', () => {
  expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
});
