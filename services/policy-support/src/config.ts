/** The policy-support subgraph's configuration: the common service settings plus where to look up membership organisations. */
import { loadServiceConfig, lookupUrlFrom, type ServiceConfig } from "@kttt/core";

export interface PolicySupportConfig extends ServiceConfig {
  /** A GraphQL endpoint answering membership's `organization(id)`: the gateway by default. */
  lookupUrl: string;
}

export function loadPolicySupportConfig(env: NodeJS.ProcessEnv = process.env): PolicySupportConfig {
  return { ...loadServiceConfig("policy-support", env), lookupUrl: lookupUrlFrom(env, "POLICY_SUPPORT_LOOKUP_URL") };
}
