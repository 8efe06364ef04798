/**
 * The boundary rule of eslint.config.mjs on deliberate crossings: text linted as if it stood in a
 * service, a package or the gateway. ESLint runs in its own Node process (the config is ESM and
 * loads plugins by import(), which Jest's module sandbox does not offer).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(__dirname, "..", "..");
const RULE = "import-x/no-restricted-paths";

interface Probe {
  /** Where the text pretends to stand, relative to the repository root. */
  at: string;
  imports: string;
}

const LINT = `
import { ESLint } from "eslint";
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(\`import * as crossing from "\${probe.imports}";\\nexport const used = crossing;\\n\`, { filePath: probe.at });
  out.push(result.messages.map((m) => ({ rule: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
`;

async function lint(probes: Probe[]): Promise<{ rule: string | null; message: string }[][]> {
  const named = probes.map((p) => ({ ...p, at: path.join(path.dirname(p.at), `__boundary_probe__${path.basename(p.at)}`) }));
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", LINT, JSON.stringify(named)], { cwd: root, timeout: 50_000 });
  return JSON.parse(stdout);
}

const crossings: Probe[] = [
  { at: "services/ocop/src/x.ts", imports: "@kttt/membership" },
  { at: "services/ocop/src/x.ts", imports: "../../membership/src/entities/organization" },
  { at: "services/trade-promotion/src/resolvers/x.ts", imports: "../../../policy-support/src/loaders" },
  { at: "services/membership/src/x.ts", imports: "@kttt/gateway" },
  { at: "services/policy-support/test/x.ts", imports: "../../trade-promotion/test/helpers" },
  { at: "services/policy-support/test/x.ts", imports: "../../ocop/src/loaders" },
  { at: "tests/test/x.ts", imports: "../../services/membership/test/helpers" },
  { at: "tests/faults/x.ts", imports: "../../services/ocop/src/app" },
  { at: "packages/core/src/x.ts", imports: "@kttt/ocop" },
  { at: "packages/testkit/src/x.ts", imports: "../../../services/membership/src/app" },
  { at: "gateway/src/x.ts", imports: "@kttt/trade-promotion" },
  { at: "services/ocop/src/x.ts", imports: "@kttt/demo" },
  { at: "services/membership/src/services/x.ts", imports: "../../../../packages/demo/src/places" },
];

const allowed: Probe[] = [
  { at: "services/ocop/src/x.ts", imports: "@kttt/core" },
  { at: "services/ocop/src/x.ts", imports: "./loaders" },
  { at: "services/ocop/test/x.ts", imports: "@kttt/membership" },
  { at: "services/ocop/test/x.ts", imports: "@kttt/testkit" },
  { at: "gateway/src/x.ts", imports: "@kttt/core" },
  { at: "tests/test/x.ts", imports: "@kttt/ocop" },
  { at: "services/ocop/src/seed/x.ts", imports: "@kttt/demo" },
  { at: "services/ocop/src/x.ts", imports: "@kttt/reference" },
];

describe("the lint boundary rule (eslint.config.mjs)", () => {
  it("refuses every crossing, naming the rule and the imported path", async () => {
    const results = await lint(crossings);
    results.forEach((messages, i) => {
      const crossing = crossings[i];
      expect({ ...crossing, messages }).toEqual({
        ...crossing,
        messages: [{ rule: RULE, message: expect.stringContaining(`Unexpected path "${crossing.imports}"`) }],
      });
    });
  });

  it("lets services use packages/* (the demo catalogue from seed code only), their own files, and another service's public entry from tests", async () => {
    const results = await lint(allowed);
    results.forEach((messages, i) => expect({ ...allowed[i], messages }).toEqual({ ...allowed[i], messages: [] }));
  });
});
