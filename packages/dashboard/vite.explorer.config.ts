import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API explorer, served by the gateway under /explorer; the same toolchain and sign-in as the
// dashboard. Monaco's workers are emitted as files of this build (worker-src 'self'), fonts inlined.
export default defineConfig({
  root: "explorer",
  base: "/explorer/",
  plugins: [react()],
  worker: { format: "es" },
  build: {
    outDir: "../dist-explorer",
    emptyOutDir: true,
    // Monaco is one large chunk, loaded once and cached: the size warning says nothing new.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // The explorer, and the gateway's landing page (served at GET /) with the same assets.
      input: { explorer: "explorer/index.html", start: "explorer/start.html" },
      // GraphiQL's React Compiler output marks modules "use no memo", which the bundle need not keep.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
