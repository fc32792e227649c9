import { describe, expect, it } from "vitest";
import { sha256HexSync } from "./sha256";

const encoder = new TextEncoder();
async function webCrypto(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

describe("sha256HexSync", () => {
  it("matches the FIPS 180-4 vectors", () => {
    expect(sha256HexSync("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexSync("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256HexSync("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256HexSync("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("matches WebCrypto on every length around the block boundaries, and on Unicode", async () => {
    for (let n = 0; n < 140; n++) {
      const text = "x".repeat(n);
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
    }
    for (const text of ["Jane Smith RN", "Émile Zola — ☃", "😀".repeat(40)])
      expect(sha256HexSync(text)).toBe(await webCrypto(text));
  });
});
