import { describe, expect, it } from 'vitest';
import { createOriginCheck } from './origin.ts';

describe('origin check', () => {
  const allowed = createOriginCheck({
    publicUrl: 'http://192.168.1.20:8787',
    allowedOrigins: ['https://alliance.example'],
  });

  it('R33: allows the same origin, the public URL, configured origins and no Origin', () => {
    expect(allowed('http://localhost:8787', 'localhost:8787')).toBe(true);
    expect(allowed('http://192.168.1.20:8787', 'carton.local:8787')).toBe(true);
    expect(allowed('https://alliance.example', 'localhost:8787')).toBe(true);
    expect(allowed(undefined, 'localhost:8787')).toBe(true);
  });

  it('R33: refuses other sites, other ports and non-http origins', () => {
    expect(allowed('https://evil.example', 'localhost:8787')).toBe(false);
    expect(allowed('http://localhost:9999', 'localhost:8787')).toBe(false);
    expect(allowed('null', 'localhost:8787')).toBe(false);
    expect(allowed('file://', 'localhost:8787')).toBe(false);
    expect(allowed('https://evil.example', undefined)).toBe(false);
  });
});
