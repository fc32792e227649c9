import "@staffroom/react/styles.css";
import "./shell.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

declare global {
  /** Read by get-nonce: the nonce Radix's scroll lock puts on the `<style>` it injects. */
  var __webpack_nonce__: string | undefined;
}

// The server puts each page's CSP nonce into <meta name="csp-nonce">; the dev server leaves the placeholder.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
if (nonce && nonce !== "__CSP_NONCE__") globalThis.__webpack_nonce__ = nonce;

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
