/**
 * The one federation helper every subgraph uses: builds the type-graphql schema, wraps it as an
 * Apollo Federation 2 subgraph with one pinned `@link`, and returns the SDL that is committed as
 * the subgraph's `schema.graphql`.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from "type-graphql";
import { authChecker } from "./auth";
import { decidedOncePerRequest } from "./refusals";

export const FEDERATION_LINK = "https://specs.apollo.dev/federation/v2.7";
export const FEDERATION_IMPORTS = ["@key", "@shareable", "@external", "@requires", "@provides", "@interfaceObject", "@inaccessible", "@tag"];

/** Reference resolvers by type name: `{ Cooperative: { __resolveReference(ref, ctx) {…} } }`. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, as committed in `schema.graphql`. */
  sdl: string;
}

/**
 * Marks every field that has nothing to run (no @Authorized, no middleware, no method) as type-graphql's
 * `simple`, so graphql-js reads the property itself instead of a wrapper per field of every row
 * (type-graphql's documented `simpleResolvers`, decided field by field: a guarded field keeps its check,
 * and so does every field of a schema built with global middlewares).
 */
function markTrivialFieldsSimple(options: Pick<BuildSchemaOptions, "globalMiddlewares">): void {
  if (options.globalMiddlewares?.length) return;
  const storage = getMetadataStorage();
  const guarded = new Set<string>();
  const key = (target: Function, field: string) => `${target.name}\u0000${field}`;
  for (const a of storage.authorizedFields) guarded.add(key(a.target, a.fieldName));
  for (const m of storage.middlewares) guarded.add(key(m.target, m.fieldName));
  const guardedClasses = new Set<Function>([...storage.authorizedResolver.map((a) => a.target), ...storage.resolverMiddlewares.map((m) => m.target)]);
  for (const field of storage.fields) {
    if (field.simple !== undefined || guardedClasses.has(field.target) || guarded.has(key(field.target, field.name))) continue;
    field.simple = true;
  }
}

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<FederatedSchema> {
  markTrivialFieldsSimple(options);
  const typeGraphqlSchema = await buildSchema({ authChecker: decidedOncePerRequest(authChecker), ...options, skipCheck: true });
  const imports = FEDERATION_IMPORTS.map((d) => `"${d}"`).join(", ");
  const sdl = `extend schema @link(url: "${FEDERATION_LINK}", import: [${imports}])\n\n` + `${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return { schema, sdl };
}

/** Writes a committed SDL file, or with `check` fails when the file differs from the schema. */
export function writeOrCheckSdl(file: string, sdl: string, check: boolean): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require("node:fs") as typeof import("node:fs");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (check) {
    if (current !== sdl) {
      console.error(`${file} is stale: run \`npm run compose\` and commit the result.`);
      process.exitCode = 1;
    } else console.log(`${file} is up to date.`);
    return;
  }
  if (current !== sdl) fs.writeFileSync(file, sdl);
  console.log(`${file} written.`);
}
