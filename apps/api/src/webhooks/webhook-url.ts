import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where a webhook may point (docs/adr/0019-webhooks.md): an https URL on the public internet. A
 * registration naming a private, loopback, link-local or otherwise reserved address (literally, or
 * by a name that resolves to one) is refused, and every delivery checks the address it connects to
 * again (a name may be pointed elsewhere after registration): the API must not be a way into the
 * office's own network (SSRF). With `allowLocalhost` (WEBHOOK_ALLOW_LOCALHOST, tests and development
 * only) http and https to `localhost` and `127.0.0.1` are accepted, and nothing else private.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 (carries an IPv4 address)
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1). */
function embeddedIpv4(ip: string): string | null {
  const m = /^::(?:ffff:)?(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an IP address (v4 or v6) is not on the public internet. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare.toLowerCase());
    return v4 !== null ? PRIVATE.check(v4, 'ipv4') : PRIVATE.check(bare, 'ipv6');
  }
  return true; // not an address at all: never connect to it
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1']);
/** Names that never lead to the public internet. */
const INTERNAL_SUFFIX = /(^|\.)(localhost|local|internal|intranet|lan|home|corp|localdomain|home\.arpa)$/;

/** A refusal says what is wrong in English (`message`) and in Bahasa Indonesia (`messageId`). */
export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string; messageId: string };

/** Checks a URL as written (scheme, credentials, host); no name is resolved here. */
export function checkWebhookUrl(raw: string, allowLocalhost: boolean): UrlCheck {
  const text = raw.trim();
  if (!text)
    return {
      ok: false,
      message: 'url is empty: write the endpoint such as https://dashboard.example.go.id/hooks/sop',
      messageId: 'url kosong: tulis endpoint seperti https://dashboard.example.go.id/hooks/sop',
    };
  if (text.length > 2000)
    return {
      ok: false,
      message: `url is ${text.length} characters long; at most 2000`,
      messageId: `url sepanjang ${text.length} karakter; paling panjang 2000`,
    };
  if (/[\s\u0000-\u001f\u007f]/.test(text))
    return {
      ok: false,
      message: 'url must not contain spaces or control characters',
      messageId: 'url tidak boleh berisi spasi atau karakter kontrol',
    };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `"${text.slice(0, 80)}" is not a URL: write one such as https://dashboard.example.go.id/hooks/sop`,
      messageId: `"${text.slice(0, 80)}" bukan URL: tulis URL seperti https://dashboard.example.go.id/hooks/sop`,
    };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const local = allowLocalhost && LOCAL_NAMES.has(host);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    return {
      ok: false,
      message: `only https URLs are accepted (deliveries carry case data); "${url.protocol}" is not`,
      messageId: `hanya URL https yang diterima (pengiriman memuat data pengaduan); "${url.protocol}" tidak diterima`,
    };
  }
  if (url.username || url.password)
    return {
      ok: false,
      message: 'url must not carry a user name or password: the signature authenticates each delivery',
      messageId: 'url tidak boleh memuat nama pengguna atau kata sandi: setiap pengiriman diautentikasi oleh tanda tangannya',
    };
  if (url.hash) return { ok: false, message: 'url must not carry a #fragment', messageId: 'url tidak boleh memuat #fragmen' };
  if (!host) return { ok: false, message: 'url has no host', messageId: 'url tidak memiliki host' };
  if (local) return { ok: true, url };
  if (isIP(host.replace(/^\[|\]$/g, ''))) {
    if (isPrivateAddress(host))
      return {
        ok: false,
        message: `${host} is a private, loopback or reserved address: webhooks go to the public internet only`,
        messageId: `${host} adalah alamat privat, loopback, atau yang dicadangkan: webhook hanya dikirim ke internet publik`,
      };
    return { ok: true, url };
  }
  if (!host.includes('.') || INTERNAL_SUFFIX.test(host)) {
    return {
      ok: false,
      message: `"${host}" is a local or internal name: webhooks go to the public internet only`,
      messageId: `"${host}" adalah nama lokal atau internal: webhook hanya dikirim ke internet publik`,
    };
  }
  return { ok: true, url };
}

/** The addresses a name resolves to; [] when it does not resolve (now). */
export function resolveAll(host: string, timeoutMs = 3000): Promise<string[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dnsLookup(host, { all: true }, (err, addresses) => {
      clearTimeout(timer);
      resolve(err ? [] : addresses.map((a) => a.address));
    });
  });
}

/**
 * A `lookup` for http(s).request that refuses to connect to a private address, whatever the name
 * resolves to at the moment of delivery (a DNS answer changed after registration). The allowed
 * local names (tests, development) resolve to loopback.
 */
export function guardedLookup(allowLocalhost: boolean): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    const local = allowLocalhost && LOCAL_NAMES.has(host);
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(err, '', 4);
        return;
      }
      const list = addresses.filter((a) => local || !isPrivateAddress(a.address));
      if (!list.length) {
        const e = Object.assign(new Error(`${hostname} resolves to a private address (${addresses.map((a) => a.address).join(', ')}): not delivered`), {
          code: 'EPRIVATE',
        });
        callback(e, '', 4);
      } else if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      } else {
        callback(null, list[0].address, list[0].family);
      }
    });
  };
}
