import "reflect-metadata";
import { runUntilStopped } from "@kttt/core";
import { startOcopService } from "./app";
import { loadOcopConfig } from "./config";

runUntilStopped("ocop", () => startOcopService(loadOcopConfig()));
