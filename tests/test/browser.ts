/**
 * Debian's Chromium for the browser tests, driven by playwright-core: where it is, whether it is
 * there (said once, plainly, when not: CI installs it, so the tests never skip there), and how it starts.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "..", "..", "artifacts");

/** `describe` where Chromium is installed, `describe.skip` (with a warning) where not. */
export function describeIfBrowser(label: string): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  console.warn(`[${label}] skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
