// The bench page: the real UserDirectory over 10 000 users of a seeded memory world, in a production
// React build (bench/timings.mjs builds it with Vite and drives it in headless Chromium). Marks:
// "seeded" just before the first render, "rows-painted" after the first frame with rows.
import { createRoot } from "react-dom/client";
import "../../src/styles.css";
import { StaffroomProvider, UserDirectory } from "../../src/index";
import { seededWorld } from "../../src/testing/seeded-world";

declare global {
  interface Window {
    __srDebounceMs: number;
  }
}

const debounce = Number(new URLSearchParams(location.search).get("debounce") ?? "0");
window.__srDebounceMs = debounce;

const seeded = await seededWorld({ users: 12, bulkUsers: 10_000 });
// The memory store builds each sort order's index on its first query; a running backend has built
// them long before a user opens the page, so the bench warms them here, outside the measurement.
await seeded.owner.users.list({ status: "active", limit: 1 });
const container = document.getElementById("root");
if (!container) throw new Error("bench page: #root is missing");

const afterPaint = (name: string) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
const observer = new MutationObserver(() => {
  if (document.querySelector(".sr-table tbody tr")) {
    observer.disconnect();
    afterPaint("rows-painted");
  }
});
observer.observe(container, { childList: true, subtree: true });

// `?hold` waits for window.__srGo() before rendering, so a profiler can start after seeding.
if (new URLSearchParams(location.search).has("hold"))
  await new Promise<void>((go) => {
    (window as unknown as { __srGo: () => void }).__srGo = go;
  });

performance.mark("seeded");
createRoot(container).render(
  <StaffroomProvider directory={seeded.owner}>
    <UserDirectory pageSize={50} searchDebounceMs={debounce} />
  </StaffroomProvider>,
);
