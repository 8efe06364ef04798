import "reflect-metadata";
import { loadServiceConfig, runUntilStopped } from "@kttt/core";
import { startMembershipService } from "./app";

runUntilStopped("membership", () => startMembershipService(loadServiceConfig("membership")));
