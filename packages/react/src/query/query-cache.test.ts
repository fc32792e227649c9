import { describe, expect, it, vi } from "vitest";
import { createQueryCache } from "./query-cache";
import { hashKey, matchesPrefix } from "./query-key";

describe("query keys", () => {
  it("hash ignores property order and undefined values", () => {
    expect(hashKey(["users", { b: 1, a: 2, c: undefined }])).toBe(hashKey(["users", { a: 2, b: 1 }]));
  });
  it("prefixes name families of keys", () => {
    expect(matchesPrefix(["users", "list", { status: "active" }], ["users"])).toBe(true);
    expect(matchesPrefix(["roles", "list"], ["users"])).toBe(false);
  });
});

describe("query cache", () => {
  it("dedupes concurrent fetches of one key", async () => {
    const cache = createQueryCache();
    const fetcher = vi.fn(async () => 42);
    const [a, b] = await Promise.all([cache.fetch(["k"], fetcher), cache.fetch(["k"], fetcher)]);
    expect(a).toBe(42);
    expect(b).toBe(42);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await cache.fetch(["k"], fetcher);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("notifies subscribers with new immutable snapshots", async () => {
    const cache = createQueryCache();
    const listener = vi.fn();
    cache.subscribe(["k"], listener);
    const before = cache.get(["k"]);
    await cache.fetch(["k"], async () => ({ n: 1 }));
    const after = cache.get<{ n: number }>(["k"]);
    expect(after).not.toBe(before);
    expect(after.data).toEqual({ n: 1 });
    expect(listener).toHaveBeenCalled();
  });

  it("applies optimistic immer updates under a prefix and rolls them back", async () => {
    const cache = createQueryCache();
    await cache.fetch(["users", "list", 1], async () => ({ items: [{ id: "a", name: "A" }] }));
    await cache.fetch(["users", "detail", "a"], async () => ({ id: "a", name: "A" }));
    await cache.fetch(["roles"], async () => ({ items: [{ id: "a", name: "A" }] }));
    const rollback = cache.update<{ id?: string; name?: string; items?: { id: string; name: string }[] }>(
      ["users"],
      (draft) => {
        if (draft.items) for (const item of draft.items) item.name = "B";
        else draft.name = "B";
      },
    );
    expect(cache.get<{ items: { name: string }[] }>(["users", "list", 1]).data?.items[0]?.name).toBe("B");
    expect(cache.get<{ name: string }>(["users", "detail", "a"]).data?.name).toBe("B");
    expect(cache.get<{ items: { name: string }[] }>(["roles"]).data?.items[0]?.name).toBe("A");
    rollback();
    expect(cache.get<{ items: { name: string }[] }>(["users", "list", 1]).data?.items[0]?.name).toBe("A");
    expect(cache.get<{ name: string }>(["users", "detail", "a"]).data?.name).toBe("A");
  });

  it("invalidation refetches watched keys only", async () => {
    const cache = createQueryCache();
    let n = 0;
    const watched = vi.fn(async () => ++n);
    const unwatched = vi.fn(async () => 0);
    await cache.fetch(["users", "a"], watched);
    await cache.fetch(["users", "b"], unwatched);
    cache.subscribe(["users", "a"], () => undefined);
    await cache.invalidate(["users"]);
    expect(watched).toHaveBeenCalledTimes(2);
    expect(unwatched).toHaveBeenCalledTimes(1);
    expect(cache.get(["users", "a"]).data).toBe(2);
    await cache.fetch(["users", "b"], unwatched);
    expect(unwatched).toHaveBeenCalledTimes(2);
  });

  it("drops a response that raced a newer write", async () => {
    const cache = createQueryCache();
    let release: (v: string) => void = () => undefined;
    const slow = cache.fetch(
      ["k"],
      () =>
        new Promise<string>((r) => {
          release = r;
        }),
    );
    cache.set(["k"], "written");
    release("old");
    await slow;
    expect(cache.get(["k"]).data).toBe("written");
  });

  it("keeps data and reports the error of a failed refetch", async () => {
    const cache = createQueryCache();
    await cache.fetch(["k"], async () => "data");
    await expect(
      cache.fetch(["k"], async () => Promise.reject(new Error("boom")), { force: true }),
    ).rejects.toThrow("boom");
    expect(cache.get(["k"])).toMatchObject({ status: "success", data: "data" });
  });

  it("an answer read before an invalidation never lands as fresh data, and the next fetch reads again", async () => {
    const cache = createQueryCache();
    let answer: (v: string) => void = () => undefined;
    const old = cache.fetch(["users", "list"], () => new Promise<string>((r) => (answer = r)));
    // A write happens while nobody watches the key (the list is off screen) and its read is in flight.
    await cache.invalidate(["users"]);
    answer("before the write");
    await old;
    expect(cache.get(["users", "list"]).data).toBeUndefined();
    expect(cache.get(["users", "list"]).fetching).toBe(false);
    const reread = vi.fn(async () => "after the write");
    await cache.fetch(["users", "list"], reread);
    expect(reread).toHaveBeenCalledTimes(1);
    expect(cache.get(["users", "list"]).data).toBe("after the write");
  });

  it("a fetch after an invalidation does not wait on the request the invalidation superseded", async () => {
    const cache = createQueryCache();
    void cache.fetch(["users", "list"], () => new Promise<string>(() => undefined));
    await cache.invalidate(["users"]);
    const reread = vi.fn(async () => "fresh");
    const next = cache.fetch(["users", "list"], reread);
    expect(reread).toHaveBeenCalledTimes(1);
    await expect(next).resolves.toBe("fresh");
    expect(cache.get(["users", "list"])).toMatchObject({ status: "success", data: "fresh", fetching: false });
  });

  it("a failed refetch that a write overtook still ends the fetching state", async () => {
    const cache = createQueryCache();
    await cache.fetch(["users", "list"], async () => ({ n: 1 }));
    let fail: (e: Error) => void = () => undefined;
    const refetch = cache.fetch(
      ["users", "list"],
      () => new Promise<{ n: number }>((_, reject) => (fail = reject)),
      { force: true },
    );
    cache.update<{ n: number }>(["users"], (draft) => {
      draft.n = 2;
    });
    fail(new Error("connection reset"));
    await expect(refetch).rejects.toThrow("connection reset");
    expect(cache.get(["users", "list"])).toMatchObject({ data: { n: 2 }, fetching: false });
  });
});
