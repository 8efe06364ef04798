/** The ocop subgraph's configuration: the common service settings plus where to look up membership organisations. */
import { loadServiceConfig, type ServiceConfig } from "@kttt/core";

export interface OcopConfig extends ServiceConfig {
  /** A GraphQL endpoint answering membership's `organization(id)`: the gateway by default. */
  organizationLookupUrl: string;
}

export const DEFAULT_ORGANIZATION_LOOKUP_URL = "http://127.0.0.1:4000/graphql";

export function loadOcopConfig(env: NodeJS.ProcessEnv = process.env): OcopConfig {
  const url = env.OCOP_ORGANIZATION_LOOKUP_URL || DEFAULT_ORGANIZATION_LOOKUP_URL;
  try {
    new URL(url);
  } catch {
    throw new Error(`OCOP_ORGANIZATION_LOOKUP_URL is not a URL: ${url}`);
  }
  return { ...loadServiceConfig("ocop", env), organizationLookupUrl: url };
}
