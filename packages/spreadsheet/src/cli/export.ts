/**
 * `npm run export -- --query <file.graphql> --out <file.xlsx|file.csv> [--variables vars.json]`:
 * a connection query paged to its end, through the gateway with a token (--token or KTTT_TOKEN);
 * `npm run export -- --report <period> [--unit-map TODAY] --out report.xlsx`: the collective-economy
 * report of a period (2024-H1@2024-07-15, 2025-H2, 2024) as a formatted workbook.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runExport } from "../exporter";
import { parseUnitMap, runReport } from "../report";
import { DEFAULT_GATEWAY_URL } from "../importer";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      query: { type: "string" },
      out: { type: "string" },
      variables: { type: "string" },
      report: { type: "string" },
      "unit-map": { type: "string", default: "PERIOD" },
      url: { type: "string", default: process.env.KTTT_GATEWAY_URL ?? DEFAULT_GATEWAY_URL },
      token: { type: "string", default: process.env.KTTT_TOKEN },
    },
  });
  if (values.report) {
    const unitMap = parseUnitMap(values["unit-map"]);
    if (!values.token) throw new Error("Give a token with --token or KTTT_TOKEN (npm run token -- --role ALLIANCE_STAFF).");
    const out = values.out ?? `bao-cao-kttt-${values.report.replace(/[^\w-]/gu, "-")}.xlsx`;
    const data = await runReport({ period: values.report, unitMap, out, gatewayUrl: values.url, token: values.token });
    console.log(`${out}: báo cáo kinh tế tập thể ${data.overview.collectiveEconomy?.period.label ?? values.report}.`);
    return;
  }
  if (!values.query || !values.out)
    throw new Error(
      "Usage: npm run export -- --query <file.graphql> --out <file.xlsx|file.csv> [--variables vars.json]   or   npm run export -- --report <period> [--unit-map TODAY] --out report.xlsx",
    );
  if (!values.token) throw new Error("Give a token with --token or KTTT_TOKEN (npm run token -- --role ALLIANCE_STAFF).");
  const query = await readFile(values.query, "utf8");
  const variables = values.variables ? (JSON.parse(await readFile(values.variables, "utf8")) as Record<string, unknown>) : {};
  const result = await runExport({
    query,
    variables,
    out: values.out,
    gatewayUrl: values.url,
    token: values.token,
    onPage: (rows) => process.stderr.isTTY && process.stderr.write(`\r${rows} dòng…`),
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(`${values.out}: ${result.rows} dòng, ${result.columns.length} cột (${result.pages} trang).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
