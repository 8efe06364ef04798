/**
 * The example operations the explorer offers: the dashboard's own committed operations (with the
 * variables of the mid-2024 review) and every query of the README and of docs/*.md, titled by the
 * section it stands in. Read from the files themselves at build time, so they never drift from what is
 * tested (tests/test/readme-examples.test.ts runs the same blocks).
 */
import readme from "../../../README.md?raw";
import districtBreakdown from "../operations/district-breakdown.graphql?raw";
import districtOverview from "../operations/district-overview.graphql?raw";
import provinceOverview from "../operations/province-overview.graphql?raw";
import yearOverYear from "../operations/year-over-year.graphql?raw";

export interface Example {
  title: string;
  /** Where it comes from: the dashboard, or the README and docs/*.md. */
  source: "dashboard" | "README";
  query: string;
  /** The variables as JSON text, or "" for none. */
  variables: string;
}

/** The Alliance's mid-2024 review (report of 15/7/2024 on the first half of 2024), as the dashboard opens. */
const REVIEW = { year: 2024, half: "H1", asOf: "2024-07-15" };
const json = (value: unknown) => JSON.stringify(value, null, 2);

const DASHBOARD: Example[] = [
  {
    title: "Toàn tỉnh (ProvinceOverview)",
    source: "dashboard",
    query: provinceOverview,
    variables: json({ period: REVIEW, year: REVIEW.year, asOf: REVIEW.asOf }),
  },
  { title: "Theo đơn vị hành chính (DistrictBreakdown)", source: "dashboard", query: districtBreakdown, variables: json({ period: REVIEW }) },
  { title: "Một huyện (DistrictOverview)", source: "dashboard", query: districtOverview, variables: json({ code: "444", period: REVIEW }) },
  { title: "Qua các năm (YearOverYear)", source: "dashboard", query: yearOverYear, variables: json({ periods: [{ year: 2023 }, { year: 2024 }] }) },
];

/** docs/*.md as text, by path, in name order after the README. */
const docs = import.meta.glob<string>("../../../docs/*.md", { query: "?raw", import: "default", eager: true });

/**
 * The ```graphql blocks of markdown files, dedented; mutations whose ids are left as "…" are skipped
 * (they cannot run as written). Titles are unique across the files (a repeated section name is numbered).
 */
export function readmeExamples(...markdowns: string[]): Example[] {
  const examples: Example[] = [];
  const counts = new Map<string, number>();
  for (const markdown of markdowns) examples.push(...examplesOf(markdown, counts));
  return examples;
}

function examplesOf(markdown: string, counts: Map<string, number>): Example[] {
  const examples: Example[] = [];
  let heading = "README";
  const block = /^([ \t]*)```graphql\n([\s\S]*?)^[ \t]*```/gmu;
  const headings = [...markdown.matchAll(/^#{2,4} +(.+)$/gmu)].map((m) => ({ at: m.index, text: m[1].trim() }));
  for (const m of markdown.matchAll(block)) {
    heading = headings.filter((h) => h.at < m.index).at(-1)?.text ?? heading;
    const indent = m[1].length;
    const query = m[2]
      .split("\n")
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join("\n");
    if (query.includes("…")) continue;
    const n = (counts.get(heading) ?? 0) + 1;
    counts.set(heading, n);
    examples.push({ title: n === 1 ? heading : `${heading} (${n})`, source: "README", query, variables: "" });
  }
  return examples;
}

export const EXAMPLES: Example[] = [
  ...DASHBOARD,
  ...readmeExamples(
    readme,
    ...Object.keys(docs)
      .sort()
      .map((file) => docs[file]),
  ),
];

/** The tabs of a first visit: the dashboard's operations, ready to run. */
export const FIRST_TABS = DASHBOARD.map((e) => ({ query: e.query, variables: e.variables }));
