/**
 * The subgraph skeleton on a subgraph of its own (one probe field), started for real on PostgreSQL
 * and asked over HTTP: what every resolver gets in its context, per request, and what the skeleton
 * adds to each schema.
 */
import { createTestDatabase, graphql, type TestDatabase } from "@kttt/testkit";
import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { createLogger } from "../src/observability";
import { defineSubgraph, type LookupContext, type SubgraphService } from "../src/service";

@ObjectType({ description: "What one resolver saw of its context." })
class ContextProbe {
  @Field(() => Int, { description: "Which set of loaders (made per request) it was given." })
  loaders: number;

  @Field({ description: "Whether it was given a gateway look-up." })
  lookup: boolean;

  @Field({ description: "The request id." })
  requestId: string;
}

type ProbeContext = Omit<LookupContext<{ set: number }>, "lookup"> & { lookup?: unknown };

@Resolver()
class ContextProbeResolver {
  @Query(() => ContextProbe, { description: "The context this request's resolvers get." })
  contextProbe(@Ctx() ctx: ProbeContext): ContextProbe {
    return { loaders: ctx.loaders.set, lookup: ctx.lookup !== undefined, requestId: ctx.requestId };
  }
}

let made = 0;
const spec = {
  database: { entities: [], migrations: [], seed: () => Promise.resolve(false) },
  resolvers: [ContextProbeResolver] as [typeof ContextProbeResolver],
  references: {},
  loaders: () => ({ set: ++made }),
};
const plain = defineSubgraph({ ...spec, name: "membership", auditTrail: { field: "probeAuditTrail", label: "the probe subgraph" } });
const asking = defineSubgraph({
  ...spec,
  name: "ocop",
  auditTrail: { field: "askingProbeAuditTrail", label: "the asking probe subgraph" },
  lookup: { operation: "ProbeLookup", what: "probe" },
});

let database: TestDatabase;
const running: SubgraphService[] = [];
beforeAll(async () => {
  database = await createTestDatabase("membership", "empty");
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await database?.drop();
});

async function start<C extends { port: number; poolSize: number }>(
  subgraph: { loadConfig: (env: NodeJS.ProcessEnv) => C; start: (config: C, logger: ReturnType<typeof createLogger>) => Promise<SubgraphService> },
  env: NodeJS.ProcessEnv,
) {
  const service = await subgraph.start({ ...subgraph.loadConfig({ NODE_ENV: "test", ...env }), port: 0, poolSize: 2 }, createLogger("probe", "silent"));
  running.push(service);
  return service.server.url;
}

describe("defineSubgraph", () => {
  it("gives every request its own loaders, shared by all of that request's resolvers", async () => {
    const url = await start(plain, { MEMBERSHIP_DATABASE_URL: database.url });
    const first = await graphql(url, "{ a: contextProbe { loaders requestId } b: contextProbe { loaders requestId } }");
    const second = await graphql(url, "{ contextProbe { loaders } }");
    expect(first.errors).toBeUndefined();
    expect(first.data.a.loaders).toBe(first.data.b.loaders);
    expect(first.data.a.requestId).toBe(first.data.b.requestId);
    expect(second.data.contextProbe.loaders).not.toBe(first.data.a.loaders);
  });

  it("adds the gateway look-up to the context only of a subgraph that declares one, from its own <SUBGRAPH>_LOOKUP_URL", async () => {
    const plainUrl = await start(plain, { MEMBERSHIP_DATABASE_URL: database.url });
    const askingUrl = await start(asking, { OCOP_DATABASE_URL: database.url, OCOP_LOOKUP_URL: "http://127.0.0.1:9/graphql" });
    expect((await graphql(plainUrl, "{ contextProbe { lookup } }")).data.contextProbe.lookup).toBe(false);
    expect((await graphql(askingUrl, "{ contextProbe { lookup } }")).data.contextProbe.lookup).toBe(true);
    expect(asking.loadConfig({ OCOP_DATABASE_URL: database.url, OCOP_LOOKUP_URL: "http://gateway:4000/graphql" }).lookupUrl).toBe(
      "http://gateway:4000/graphql",
    );
    expect(() => asking.loadConfig({ OCOP_DATABASE_URL: database.url, OCOP_LOOKUP_URL: "gateway" })).toThrow(/OCOP_LOOKUP_URL is not a URL/u);
  });

  it("puts the subgraph's audit trail, for administrators, beside its own fields in the SDL", async () => {
    const { sdl } = await plain.buildSchema();
    expect(sdl).toMatch(/^extend schema @link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.7"/u);
    expect(sdl).toMatch(/"""\s*The audit trail of the probe subgraph \(nhật ký thay đổi\), newest first; administrators only\.\s*"""\s+probeAuditTrail\(/u);
    expect(sdl).toContain("contextProbe: ContextProbe!");
    expect(sdl).not.toContain("askingProbeAuditTrail");
  });
});
