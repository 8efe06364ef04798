/** Composes the supergraph from the committed subgraph SDL files (no running services needed). */
import { composeServices } from "@apollo/composition";
import { SUBGRAPHS } from "@kttt/core";
import fs from "node:fs";
import path from "node:path";
import { parse } from "graphql";

export const repositoryRoot = path.resolve(__dirname, "..", "..");
export const SUPERGRAPH_FILE = path.join(repositoryRoot, "gateway", "supergraph.graphql");

export function composeSupergraph(): { supergraphSdl: string; hints: string[] } {
  const services = SUBGRAPHS.map((s) => ({
    name: s.name,
    url: `http://localhost:${s.port}/graphql`,
    typeDefs: parse(fs.readFileSync(path.join(repositoryRoot, s.dir, "schema.graphql"), "utf8")),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return { supergraphSdl: `${result.supergraphSdl}\n`, hints: result.hints.map((h) => h.toString()) };
}
