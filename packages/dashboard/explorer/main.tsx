// Monaco's workers as files of this build (no CDN), then GraphiQL's styles and its fonts (inlined).
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "@graphiql/react/font/roboto.css";
import "@graphiql/react/font/fira-code.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initAuth } from "../src/auth";
import { Explorer } from "./Explorer";
import "./explorer.css";

initAuth();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
