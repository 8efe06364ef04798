/** Writes (or with --check, verifies) the committed subgraph SDL `schema.graphql`. */
import "reflect-metadata";
import { writeOrCheckSdl } from "@kttt/core";
import path from "node:path";
import { buildTradePromotionSchema } from "./schema";

buildTradePromotionSchema()
  .then(({ sdl }) => writeOrCheckSdl(path.resolve(__dirname, "..", "schema.graphql"), sdl, process.argv.includes("--check")))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
