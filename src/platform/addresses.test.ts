import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from './addresses.ts';

const proxies = trustedProxies('10.0.0.0/8, 127.0.0.1 fd00::/8');

describe('the client address behind trusted proxies', () => {
  it('is the socket’s peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', trustedProxies(undefined))).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7', '203.0.113.9', undefined)).toBe('198.51.100.7');
  });

  it('believes the header only from a trusted proxy', () => {
    expect(clientAddress('10.1.2.3', '203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.7', '203.0.113.9', proxies)).toBe('198.51.100.7');
  });

  it('takes the right-most hop that is not a trusted proxy, ignoring what the client wrote left of it', () => {
    expect(clientAddress('10.0.0.1', '192.0.2.1, 203.0.113.9, 10.0.0.2', proxies)).toBe('203.0.113.9');
    // Every hop a trusted proxy: the farthest one is the client.
    expect(clientAddress('127.0.0.1', 'fd00::5, 10.0.0.2', proxies)).toBe('fd00::5');
  });

  it('reads IPv4 addresses on a dual-stack socket as IPv4, and IPv6 blocks as IPv6', () => {
    expect(clientAddress('::ffff:10.0.0.1', '2001:db8::1', proxies)).toBe('2001:db8::1');
    expect(clientAddress('fd00::1', '203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:198.51.100.7', undefined, proxies)).toBe('198.51.100.7');
  });

  it('stops at a malformed hop, and has no address without a socket', () => {
    expect(clientAddress('10.0.0.1', 'nonsense', proxies)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '203.0.113.9, not-an-ip, 10.0.0.2', proxies)).toBe('10.0.0.2');
    expect(clientAddress(undefined, '203.0.113.9', proxies)).toBeUndefined();
  });

  it('refuses a setting it cannot read, naming the entry', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.example.com', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x'])
      expect(() => trustedProxies(bad), bad).toThrow(bad);
  });
});
