/**
 * The request scope a subgraph enters for writes only: what runs inside sees its request, and the
 * scope ends with the last request that entered it, so reads afterwards pay nothing for it.
 */
import { ANONYMOUS } from "../src/auth";
import { currentRequest, enterRequest } from "../src/request-context";

const request = (requestId: string) => ({ requestId, principal: ANONYMOUS });
const later = () => new Promise((r) => setTimeout(r, 5));

describe("enterRequest", () => {
  it("gives everything a request starts its own request, until the last one entered is released", async () => {
    const seen: (string | undefined)[] = [];
    let releaseA!: () => void;
    let releaseB!: () => void;
    const a = new Promise<void>((done) => {
      releaseA = enterRequest(
        request("a"),
        () =>
          void later()
            .then(() => seen.push(currentRequest()?.requestId))
            .then(() => done()),
      );
    });
    const b = new Promise<void>((done) => {
      releaseB = enterRequest(
        request("b"),
        () =>
          void later()
            .then(() => seen.push(currentRequest()?.requestId))
            .then(() => done()),
      );
    });
    await Promise.all([a, b]);
    expect(seen.sort()).toEqual(["a", "b"]);
    releaseA();
    // b is still in flight: its scope stays on.
    const stillB = await new Promise<string | undefined>((done) =>
      enterRequest(request("c"), () => void later().then(() => done(currentRequest()?.requestId)))(),
    );
    expect(stillB).toBe("c");
    releaseB();
    releaseB(); // twice is once
    await later();
    expect(currentRequest()).toBeUndefined();
  });
});
