import { describe, expect, it } from "vitest";
import { ID_PATTERN } from "../primitives/ids.schema";
import { manualClock } from "./clock";
import { randomToken, sha256Hex } from "./crypto";
import { randomIds, sequentialIds } from "./ids";
import { memoryMailer, tokenFromLink } from "./mailer";
import { DEFAULT_PBKDF2_ITERATIONS, pbkdf2Hasher } from "./password-hasher";

describe("PasswordHasher (R15)", () => {
  it("defaults to at least 600 000 PBKDF2-SHA256 iterations, stored with the hash", async () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const strong = pbkdf2Hasher();
    const weak = pbkdf2Hasher({ iterations: 1000 });
    const hash = await weak.hash("correct horse battery staple");
    expect(hash).toMatchObject({ algorithm: "pbkdf2-sha256", iterations: 1000 });
    expect(hash.hash).not.toContain("correct");
    expect(strong.needsRehash(hash)).toBe(true);
    expect(weak.needsRehash(hash)).toBe(false);
  });

  it("verifies the right password only, and salts every hash", async () => {
    const hasher = pbkdf2Hasher({ iterations: 1000 });
    const a = await hasher.hash("correct horse battery staple");
    const b = await hasher.hash("correct horse battery staple");
    expect(a.salt).not.toBe(b.salt);
    expect(await hasher.verify("correct horse battery staple", a)).toBe(true);
    expect(await hasher.verify("correct horse battery stapl", a)).toBe(false);
    expect(await hasher.verify("correct horse battery staple", { ...a, algorithm: "md5" })).toBe(false);
  });

  it("verifies a hash made with other parameters (so a rehash can follow sign-in)", async () => {
    const old = await pbkdf2Hasher({ iterations: 500 }).hash("passphrase of old");
    expect(await pbkdf2Hasher({ iterations: 1000 }).verify("passphrase of old", old)).toBe(true);
  });
});

describe("tokens and ids", () => {
  it("R15 makes 256-bit url-safe tokens and hashes them with SHA-256", async () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("makes ids that match the id pattern", () => {
    const seq = sequentialIds();
    expect(seq("user")).toBe("usr_0000000001");
    for (const kind of [
      "organization",
      "location",
      "user",
      "account",
      "role",
      "invitation",
      "event",
    ] as const) {
      expect(randomIds(kind)).toMatch(ID_PATTERN);
    }
  });
});

describe("clock and mailer", () => {
  it("moves a manual clock only when told", () => {
    const clock = manualClock("2026-11-23T08:00:00.000Z");
    const t = clock.now();
    clock.advance(1000);
    expect(clock.now() - t).toBe(1000);
  });

  it("keeps an outbox and reads tokens out of links", async () => {
    const mailer = memoryMailer();
    await mailer.send({
      kind: "invitation",
      to: "a@b.org",
      subject: "s",
      text: "t",
      link: "https://x.example/accept?token=abc_-1",
      organizationId: null,
    });
    expect(mailer.latest("a@b.org", "invitation")?.link).toContain("abc_-1");
    expect(tokenFromLink(mailer.latest("a@b.org")?.link)).toBe("abc_-1");
    expect(tokenFromLink("/reset#token=zz")).toBe("zz");
    expect(mailer.latest("a@b.org", "password_reset")).toBeUndefined();
    mailer.clear();
    expect(mailer.outbox).toHaveLength(0);
  });
});
