import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by the gateway under /dashboard; it calls the GraphQL API of the same origin.
export default defineConfig({
  base: "/dashboard/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
