/*
 * Where a session was opened from, as an administrator needs it and no more (DESIGN: personal
 * values are kept where erasure reaches them). A session stores the request's user agent and
 * address; the Sessions list shows the browser and system family ("Chrome", "macOS") and the
 * network the address lies in (IPv4 /24, IPv6 /48), never the raw address or user-agent string:
 * enough to tell the front desk's PC from a phone at home, not enough to follow one device.
 */

/**
 * The browser and operating system a session was opened with, or null for either one unknown.
 *
 * @example { browser: "Firefox", system: "Windows" }
 */
export interface ClientSummary {
  readonly browser: string | null;
  readonly system: string | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  // No word boundary: headless Chromium says "HeadlessChrome/".
  [/(?:Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (table: readonly (readonly [RegExp, string])[], text: string): string | null =>
  table.find(([pattern]) => pattern.test(text))?.[1] ?? null;

/**
 * The browser and system families of a user-agent string, or null when there is none.
 *
 * @example describeClient("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) … Chrome/126.0 Safari/537.36") // { browser: "Chrome", system: "macOS" }
 * @example describeClient(undefined) // null
 */
export function describeClient(userAgent: string | undefined): ClientSummary | null {
  if (!userAgent) return null;
  return { browser: firstMatch(BROWSERS, userAgent), system: firstMatch(SYSTEMS, userAgent) };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The /24 of a dotted IPv4 address, or null when it is not one. */
function ipv4Network(ip: string): string | null {
  const m = IPV4.exec(ip);
  if (!m) return null;
  const octets = m.slice(1, 4).map(Number);
  if (octets.some((o) => o > 255) || Number(m[4]) > 255) return null;
  return `${octets.join(".")}.0/24`;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded), or null when it is not one. */
function ipv6Groups(ip: string): number[] | null {
  const halves = ip.split("::");
  if (halves.length > 2) return null;
  const part = (text: string | undefined): string[] => (text ? text.split(":") : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/**
 * The network a request came from: the /24 of an IPv4 address (also one mapped into IPv6), the
 * /48 of an IPv6 address; null when there is no address or it is not an IP address.
 *
 * @example describeNetwork("203.0.113.42") // "203.0.113.0/24"
 * @example describeNetwork("2001:db8:85a3::8a2e:370:7334") // "2001:db8:85a3::/48"
 */
export function describeNetwork(ip: string | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return ipv4Network(mapped[1]);
  const v4 = ipv4Network(ip);
  if (v4) return v4;
  const groups = ipv6Groups(ip.split("%")[0] ?? "");
  if (!groups) return null;
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(":")}::/48`;
}
