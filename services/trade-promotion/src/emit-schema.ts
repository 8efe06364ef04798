/** Writes (or with --check, verifies) the committed subgraph SDL `schema.graphql`. */
import path from "node:path";
import { tradePromotion } from "./app";

tradePromotion.emitSchema(path.resolve(__dirname, ".."));
