/** Writes (or with --check, verifies) the committed subgraph SDL `schema.graphql`. */
import path from "node:path";
import { policySupport } from "./app";

policySupport.emitSchema(path.resolve(__dirname, ".."));
