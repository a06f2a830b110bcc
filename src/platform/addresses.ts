/**
 * Who is at the other end: the socket's address, or — when that is a reverse proxy the operator
 * trusts (HUIQI_TRUSTED_PROXIES) — the client that proxy names in `X-Forwarded-For`. Every limit per
 * address (logins, the calculator, objections) keys on this, so a proxy is never counted as one client.
 */
import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The proxies whose `X-Forwarded-For` is believed: addresses or CIDR blocks, separated by commas or
 * spaces (`10.0.0.0/8, 127.0.0.1, fd00::/8`). A wrong entry stops the start, naming it.
 */
export function trustedProxies(list: string | undefined): BlockList {
  const trusted = new BlockList();
  for (const entry of (list ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address = '', bits, extra] = entry.split('/');
    const kind = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const valid =
      kind !== 0 &&
      extra === undefined &&
      (prefix === undefined || (/^\d+$/.test(bits!) && prefix <= (kind === 4 ? 32 : 128)));
    if (!valid) throw new Error(`HUIQI_TRUSTED_PROXIES：无法识别“${entry}”，应为 IP 地址或 CIDR（如 10.0.0.0/8）`);
    if (prefix === undefined) trusted.addAddress(address, family(address));
    else trusted.addSubnet(address, prefix, family(address));
  }
  return trusted;
}

const isTrusted = (trusted: BlockList | undefined, address: string) =>
  !!trusted && isIP(address) !== 0 && trusted.check(address, family(address));

/** Whether a socket's peer is one of the trusted proxies. */
export const isTrustedPeer = (peer: string, trusted: BlockList | undefined) => isTrusted(trusted, plain(peer));

/**
 * The client's address: the socket's peer unless it is a trusted proxy; then, reading
 * `X-Forwarded-For` from the right (each proxy appends whom it heard from), the first hop that is
 * not a trusted proxy. Hops to the left of that are the client's own say and are ignored.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList | undefined,
): string | undefined {
  if (peer === undefined) return undefined;
  let client = plain(peer);
  if (!isTrusted(trusted, client)) return client;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => plain(h.trim()))
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    if (isIP(hop) === 0) return client; // a malformed hop: the last proxy we believe is all we know
    client = hop;
    if (!isTrusted(trusted, hop)) return client;
  }
  return client;
}
