/** Writes (or with --check, verifies) the committed subgraph SDL `schema.graphql`. */
import path from "node:path";
import { membership } from "./app";

membership.emitSchema(path.resolve(__dirname, ".."));
