import "reflect-metadata";
import { loadServiceConfig, runUntilStopped } from "@kttt/core";
import { startPolicySupportService } from "./app";

runUntilStopped("policy-support", () => startPolicySupportService(loadServiceConfig("policy-support")));
