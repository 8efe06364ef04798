import { dropTestDatabases } from "@kttt/testkit";
import fs from "node:fs";

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabases().catch(() => undefined);
  const embedded = (globalThis as Record<string, unknown>).__ktttEmbedded as { server: { stop(): Promise<void> }; dir: string } | undefined;
  if (embedded) {
    await embedded.server.stop();
    fs.rmSync(embedded.dir, { recursive: true, force: true });
  }
}
