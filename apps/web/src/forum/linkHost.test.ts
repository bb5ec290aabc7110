import { describe, expect, it } from 'vitest';
import { loopbackHost } from './linkHost';

describe('loopbackHost', () => {
  it('names the hosts a phone on the wifi cannot reach', () => {
    expect(loopbackHost('http://localhost:8787/b/abc#token=x')).toBe('localhost');
    expect(loopbackHost('http://127.0.0.1:8787/f/abc#token=x')).toBe('127.0.0.1');
    expect(loopbackHost('http://[::1]:8787/b/abc')).toBe('[::1]');
    expect(loopbackHost('http://0.0.0.0:8787/b/abc')).toBe('0.0.0.0');
  });

  it('accepts a venue address or a public name', () => {
    expect(loopbackHost('http://192.168.1.20:8787/b/abc#token=x')).toBeNull();
    expect(loopbackHost('https://carton.alliance-bsl.org/b/abc')).toBeNull();
    expect(loopbackHost('not a url')).toBeNull();
  });
});
