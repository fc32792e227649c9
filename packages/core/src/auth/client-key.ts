const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEXTET = /^[0-9a-f]{1,4}$/;

function ipv4(text: string): number[] | null {
  const match = IPV4.exec(text);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function words(half: string): number[] | null {
  if (half === "") return [];
  const out: number[] = [];
  for (const group of half.split(":")) {
    if (!HEXTET.test(group)) return null;
    out.push(Number.parseInt(group, 16));
  }
  return out;
}

/** The eight 16-bit groups of an IPv6 address (RFC 4291 text forms), or null when `text` is not one. */
function ipv6(text: string): number[] | null {
  if (!text.includes(":")) return null;
  let body = text;
  const tail: number[] = [];
  const cut = body.lastIndexOf(":");
  const v4 = ipv4(body.slice(cut + 1));
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    tail.push((a << 8) | b, (c << 8) | d);
    body = body.slice(0, body[cut - 1] === ":" ? cut + 1 : cut);
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const head = words(halves[0] ?? "");
  const rest = halves.length === 2 ? words(halves[1] ?? "") : [];
  if (!head || !rest) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  return [...head, ...Array.from({ length: 8 - given }, () => 0), ...rest, ...tail];
}

/**
 * The key a client is throttled under, from its request's IP address: an IPv4 address as itself
 * (also when written IPv4-mapped, `::ffff:a.b.c.d`), an IPv6 address by its /64 network (one
 * subscriber is routinely given a whole /64, so its addresses are one client), anything else as
 * its lower-cased text. Null when there is no address: such a request is not throttled per client
 * (per-account limits still apply).
 *
 * @example clientKey("2001:db8:1:2:aaaa::1") // "2001:db8:1:2::/64"
 * @example clientKey("203.0.113.4") // "203.0.113.4"
 */
export function clientKey(ip: string | undefined): string | null {
  const text = ip?.trim().toLowerCase().replace(/%.*$/, "");
  if (!text) return null;
  const v4 = ipv4(text);
  if (v4) return v4.join(".");
  const v6 = ipv6(text.replace(/^\[|\]$/g, ""));
  if (v6) {
    const [a, b, c, d, e, f] = v6;
    if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
      const [, , , , , , g = 0, h = 0] = v6;
      return [g >> 8, g & 255, h >> 8, h & 255].join(".");
    }
    return `${v6
      .slice(0, 4)
      .map((w) => w.toString(16))
      .join(":")}::/64`;
  }
  return text;
}
