/**
 * `npm run import -- <file> [--kind organizations|members|financialReports|classifications] [--sheet …] [--dry-run] [--skip-invalid]`
 * through the gateway with a token (--token or KTTT_TOKEN; `npm run token` issues one), and
 * `npm run import -- --template <kind> [--out file.xlsx]`.
 */
import { parseArgs } from "node:util";
import { SpreadsheetError } from "../errors";
import { callGraph, DEFAULT_GATEWAY_URL, describeReport, IMPORT_KINDS, runImport } from "../importer";
import { writeTemplate } from "../template";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: "string", default: "organizations" },
      sheet: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "skip-invalid": { type: "boolean", default: false },
      template: { type: "string" },
      out: { type: "string" },
      report: { type: "string" },
      url: { type: "string", default: process.env.KTTT_GATEWAY_URL ?? DEFAULT_GATEWAY_URL },
      token: { type: "string", default: process.env.KTTT_TOKEN },
    },
  });
  if (values.template) {
    const kind = IMPORT_KINDS[values.template];
    if (!kind) throw new Error(`Unknown kind "${values.template}"; the kinds are: ${Object.keys(IMPORT_KINDS).join(", ")}.`);
    const out = values.out ?? `mau-nhap-${values.template}.xlsx`;
    // The units the graph knows, when it answers; the template is still written without them.
    const units = await callGraph<{ adminUnits: { name: string }[] }>(values.url, values.token ?? "", "{ adminUnits { name } }", {}).catch(() => null);
    await writeTemplate([kind.spec, ...(kind.children ? [kind.children.spec] : [])], out, units ? { adminUnit: units.adminUnits.map((u) => u.name) } : {});
    console.log(`Mẫu nhập ${values.template}: ${out}`);
    return 0;
  }
  const [file] = positionals;
  if (!file)
    throw new Error(
      `Usage: npm run import -- <file.xlsx|file.csv> [--kind ${Object.keys(IMPORT_KINDS).join("|")}] [--sheet name] [--dry-run] [--skip-invalid]   or   npm run import -- --template <kind>`,
    );
  if (!values.token) throw new Error("Give a token with --token or KTTT_TOKEN (an administrator's, from npm run token -- --role ALLIANCE_ADMIN).");
  const report = await runImport({
    file,
    kind: values.kind,
    sheet: values.sheet,
    dryRun: values["dry-run"],
    skipInvalid: values["skip-invalid"],
    gatewayUrl: values.url,
    token: values.token,
    errorCopy: values.report,
    progress: process.stderr.isTTY,
  });
  console.log(describeReport(report));
  return report.counts.INVALID > 0 && !report.written ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SpreadsheetError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
