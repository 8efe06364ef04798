/**
 * Waiting on a condition instead of a fixed sleep: a test goes on as soon as what it waits for is
 * true, and fails with a sentence naming it when that never happens.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Waited ${options.timeoutMs ?? 10_000} ms for ${what}; it did not happen.`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
