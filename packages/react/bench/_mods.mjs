import { gzipSync } from "node:zlib";
import { build } from "vite";

const out = await build({
  configFile: false,
  logLevel: "silent",
  root: process.cwd(),
  mode: "production",
  plugins: [
    {
      name: "v",
      resolveId: (id) => (id === "virtual:slice" ? "\0slice" : null),
      load: (id) => (id === "\0slice" ? process.argv[2] : null),
    },
  ],
  build: {
    write: false,
    minify: true,
    target: "es2022",
    rollupOptions: {
      input: "virtual:slice",
      external: ["react", "react-dom", "react/jsx-runtime"],
      preserveEntrySignatures: "exports-only",
    },
  },
});
const chunks = out.output ?? out[0].output;
const entry = chunks.find((c) => c.isEntry);
const rows = Object.entries(entry.modules)
  .map(([m, i]) => [i.renderedLength, m.replace(/.*packages\//, "")])
  .filter(([l]) => l > 0)
  .sort((a, b) => b[0] - a[0]);
for (const [l, m] of rows.slice(0, Number(process.argv[3] ?? 30))) console.log(String(l).padStart(7), m);
