/** JSON already made for immutable objects: an unchanged user is serialised once, not per request. */
const memo = new WeakMap<object, string>();

function itemJson(item: unknown): string {
  if (item === null || typeof item !== "object" || !Object.isFrozen(item))
    return JSON.stringify(item) ?? "null";
  let json = memo.get(item);
  if (json === undefined) {
    json = JSON.stringify(item);
    memo.set(item, json);
  }
  return json;
}

/**
 * The JSON of a response body. Lists (`{ items: [...], … }`) dominate the server's time; their frozen
 * items (core hands out frozen views of unchanged records) are serialised once and reused. The
 * output parses to exactly what `JSON.stringify(body)` gives.
 *
 * @example toJson({ items: [user], total: 1, nextCursor: null })
 */
export function toJson(body: unknown): string {
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    const items = (body as { items?: unknown }).items;
    if (Array.isArray(items)) {
      const { items: _items, ...rest } = body as { items: unknown[] };
      const restJson = JSON.stringify(rest);
      const list = `"items":[${items.map(itemJson).join(",")}]`;
      return restJson === "{}" ? `{${list}}` : `{${list},${restJson.slice(1)}`;
    }
  }
  return JSON.stringify(body ?? null);
}
