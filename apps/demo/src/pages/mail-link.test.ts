import { describe, expect, it } from "vitest";
import { inAppLink } from "./mail-link";

describe("inAppLink", () => {
  it("turns a mailed link into the app's own page with the token in its query", () => {
    expect(inAppLink("http://127.0.0.1:5180/accept-invitation#token=abc_DEF-123")).toBe(
      "/accept-invitation?token=abc_DEF-123",
    );
    expect(inAppLink("http://127.0.0.1:5180/reset-password#token=xyz")).toBe("/reset-password?token=xyz");
    expect(inAppLink("/reset-password?token=xyz")).toBe("/reset-password?token=xyz");
  });

  it("never links anywhere but the app's token pages", () => {
    // Another origin keeps only the path: the page is ours, the host is not.
    expect(inAppLink("https://evil.example/reset-password#token=xyz")).toBe("/reset-password?token=xyz");
    expect(inAppLink("https://evil.example/phish#token=xyz")).toBeNull();
    expect(inAppLink("javascript:alert(1)//reset-password#token=x")).toBeNull();
    expect(inAppLink("//evil.example/accept-invitation#token=x")).toBe("/accept-invitation?token=x");
    expect(inAppLink("/settings/users?token=x")).toBeNull();
  });

  it("gives nothing for a message without a usable token", () => {
    expect(inAppLink(null)).toBeNull();
    expect(inAppLink("http://127.0.0.1:5180/reset-password")).toBeNull();
    expect(inAppLink("http://127.0.0.1:5180/reset-password#token=<script>")).toBeNull();
    expect(inAppLink("http://[not a url")).toBeNull();
  });
});
