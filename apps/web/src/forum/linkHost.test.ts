import { describe, expect, it } from 'vitest';
import { linkPortSuffix, loopbackHost } from './linkHost';

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

describe('linkPortSuffix', () => {
  it('is the port the links use, for the CARTON_PUBLIC_URL the warning spells out', () => {
    expect(linkPortSuffix('http://127.0.0.1:8931/b/abc#token=x')).toBe(':8931');
    expect(linkPortSuffix('http://localhost:8787/b/abc#token=x')).toBe(':8787');
    expect(linkPortSuffix('http://localhost/b/abc')).toBe('');
    expect(linkPortSuffix('not a url')).toBe('');
  });
});
