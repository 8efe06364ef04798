/** `npm run compose` writes gateway/supergraph.graphql; `--check` fails when it is stale. */
import fs from "node:fs";
import { composeSupergraph, SUPERGRAPH_FILE } from "./compose";

try {
  const { supergraphSdl, hints } = composeSupergraph();
  for (const hint of hints) console.log(`hint: ${hint}`);
  const current = fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, "utf8") : null;
  if (process.argv.includes("--check")) {
    if (current !== supergraphSdl) {
      console.error(`${SUPERGRAPH_FILE} is stale: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log("supergraph is up to date.");
  } else {
    fs.writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
    console.log(`${SUPERGRAPH_FILE} written.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
