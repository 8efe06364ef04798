/**
 * Every relative link of the README, CONTRIBUTING.md and docs/**\/*.md points at a file that exists and,
 * when it names an anchor, at a heading of that file (anchors as GitHub makes them from headings).
 * Links are read with a plain pattern on `](…)` outside code; web addresses are not followed.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

const files = [path.join(root, "README.md"), path.join(root, "CONTRIBUTING.md"), ...markdownFiles(path.join(root, "docs"))];

/** The text outside fenced code blocks, where headings are. */
function unfenced(markdown: string): string {
  return markdown.replace(/^([ \t]*)(```|~~~)[\s\S]*?^[ \t]*\2[^\n]*$/gmu, "");
}

/** The text outside fenced code blocks and inline code, where links are. */
function prose(markdown: string): string {
  return unfenced(markdown).replace(/`[^`\n]*`/gu, "");
}

/** GitHub's anchors of a file's headings: lowercased, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of unfenced(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gmu)) {
    const text = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/gu, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /gu, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

interface Link {
  from: string;
  target: string;
}

const links: Link[] = files.flatMap((file) =>
  [...prose(fs.readFileSync(file, "utf8")).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/gu)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/iu.test(target))
    .map((target) => ({ from: path.relative(root, file), target })),
);

/** Why a link is broken, or null when it resolves. */
function problem(link: Link): string | null {
  const [file, anchor] = link.target.split("#", 2);
  const resolved = file === "" ? path.join(root, link.from) : path.resolve(root, path.dirname(link.from), decodeURIComponent(file));
  if (!fs.existsSync(resolved)) return `no file ${path.relative(root, resolved)}`;
  if (anchor === undefined || anchor === "") return null;
  if (!resolved.endsWith(".md")) return `an anchor into ${path.relative(root, resolved)}, which is not markdown`;
  return anchorsOf(fs.readFileSync(resolved, "utf8")).has(decodeURIComponent(anchor)) ? null : `no heading #${anchor} in ${path.relative(root, resolved)}`;
}

describe("links between the docs", () => {
  it("finds the relative links of every doc", () => {
    expect(files.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(["README.md", "CONTRIBUTING.md", "docs/architecture.md", "docs/adr/0001-static-supergraph.md"]),
    );
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((l) => l.target.includes("#")).length).toBeGreaterThan(5);
  });

  it("every relative link points at an existing file and heading", () => {
    const broken = links.map((link) => ({ ...link, problem: problem(link) })).filter((l) => l.problem !== null);
    expect(broken).toEqual([]);
  });

  it("reads anchors as GitHub makes them (a broken anchor would be caught)", () => {
    const anchors = anchorsOf("# Import and export: Excel and CSV\n## Who reads what\n## Who reads what\n## OCOP (subgraph `ocop`, port 4002)\n");
    expect([...anchors]).toEqual(["import-and-export-excel-and-csv", "who-reads-what", "who-reads-what-1", "ocop-subgraph-ocop-port-4002"]);
    expect(problem({ from: "README.md", target: "docs/access.md#no-such-heading" })).toBe("no heading #no-such-heading in docs/access.md");
    expect(problem({ from: "docs/access.md", target: "missing.md" })).toBe("no file docs/missing.md");
  });
});
