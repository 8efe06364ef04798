/** The ocop subgraph's configuration: the common service settings plus where to look up membership organisations. */
import { loadServiceConfig, lookupUrlFrom, type ServiceConfig } from "@kttt/core";

export interface OcopConfig extends ServiceConfig {
  /** A GraphQL endpoint answering membership's `organization(id)`: the gateway by default. */
  organizationLookupUrl: string;
}

export function loadOcopConfig(env: NodeJS.ProcessEnv = process.env): OcopConfig {
  return { ...loadServiceConfig("ocop", env), organizationLookupUrl: lookupUrlFrom(env, "OCOP_ORGANIZATION_LOOKUP_URL") };
}
