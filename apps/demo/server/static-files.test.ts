import { describe, expect, it } from "vitest";
import { filePath } from "./static-files";

const ROOT = "/srv/app";

describe("filePath", () => {
  it("maps request paths to files inside the app folder", () => {
    expect(filePath(ROOT, "/assets/index-abc.js")).toBe("/srv/app/assets/index-abc.js");
    expect(filePath(ROOT, "/favicon.svg")).toBe("/srv/app/favicon.svg");
    expect(filePath(ROOT, "/settings/users")).toBe("/srv/app/settings/users");
  });

  it("refuses every way out of the folder, encoded or not", () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/assets/..%2f..%2fpackage.json",
      "/assets/%2E%2E/%2E%2E/etc/passwd",
      "/..%5c..%5cpackage.json",
      "/assets/a%00.js",
      "/%",
      "/.env",
      "/assets/.hidden",
    ]) {
      expect(filePath(ROOT, path), path).toBeNull();
    }
  });
});
