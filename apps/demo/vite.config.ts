import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The demo server, for `pnpm dev` (Vite's dev server proxies the API and the demo routes to it). */
const DEMO_SERVER = process.env.DEMO_SERVER_URL ?? "http://127.0.0.1:5180";

// The app is one page: `vite build` writes it to dist/, which the Node server serves with an SPA fallback.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own chunk stays cached across demo builds.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:react|react-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": DEMO_SERVER, "/demo": DEMO_SERVER },
  },
});
