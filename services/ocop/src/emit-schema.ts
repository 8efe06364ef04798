/** Writes (or with --check, verifies) the committed subgraph SDL `schema.graphql`. */
import path from "node:path";
import { ocop } from "./app";

ocop.emitSchema(path.resolve(__dirname, ".."));
