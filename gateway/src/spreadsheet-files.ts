/**
 * The dashboard's door to the spreadsheet engine (the command line is the other): a file posted to
 * `/files/import/<kind>` is checked (`?dryRun=true`) or imported exactly as `npm run import` does it,
 * through this gateway's own GraphQL endpoint as the caller, so the owning subgraph's checks and audit
 * trail apply; `/files/export` turns a query into an .xlsx or .csv download as `npm run export` does, and
 * `/files/report?period=…&unitMap=…` is the collective-economy report workbook of `npm run export -- --report`.
 */
import { DomainError, ErrorCode, isDomainError, principalOf, type CallerTokenKeys } from "@kttt/core";
import {
  GraphRefused,
  IMPORT_KINDS,
  parseReportPeriod,
  parseUnitMap,
  runExport,
  runImport,
  runReport,
  SpreadsheetError,
  type Credential,
  type UnitMap,
} from "@kttt/spreadsheet";
import express, { type Request, type Response } from "express";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import type http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ApiKeyStore } from "./api-keys";

/** Files the dashboard may post: a register, not an archive. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * The caller's bearer token or API key, verified as /graphql verifies them; the import and export
 * then speak to /graphql with the same credential, so the same role checks apply.
 */
async function credential(req: Request, tokenKeys: CallerTokenKeys, apiKeys: ApiKeyStore | null): Promise<Credential> {
  const authorization = req.headers.authorization;
  const apiKey = req.headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey) {
    if (authorization) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Send either an API key or a bearer token, not both.");
    if (!apiKeys) throw new DomainError(ErrorCode.UNAUTHENTICATED, "This gateway has no database for API keys; use a bearer token.");
    await apiKeys.verify(apiKey);
    return { apiKey };
  }
  if (!authorization) throw new DomainError(ErrorCode.UNAUTHENTICATED, "Sign in with a token, or send an API key (x-api-key), to import or export files.");
  await principalOf(authorization, tokenKeys);
  return authorization.replace(/^Bearer\s+/iu, "");
}

export function spreadsheetFiles(server: http.Server, tokenKeys: CallerTokenKeys, apiKeys: ApiKeyStore | null): express.Router {
  const router = express.Router();
  const self = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const withTempDir = async <T>(fn: (dir: string) => Promise<T>): Promise<T> => {
    const dir = await mkdtemp(path.join(tmpdir(), "kttt-files-"));
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (error) {
      if (error instanceof SpreadsheetError) return fail(res, 400, error.code, error.message);
      if (isDomainError(error)) return fail(res, error.extensions.code === ErrorCode.UNAUTHENTICATED ? 401 : 400, String(error.extensions.code), error.message);
      if (error instanceof GraphRefused)
        return fail(
          res,
          { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400 }[error.code] ?? 502,
          error.code,
          error.message,
        );
      fail(res, 502, "IMPORT_FAILED", error instanceof Error ? error.message : String(error));
    }
  };

  router.post(
    "/import/:kind",
    express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES }),
    handle(async (req, res) => {
      const token = await credential(req, tokenKeys, apiKeys);
      const kind = String(req.params.kind);
      if (!IMPORT_KINDS[kind])
        return fail(res, 404, "UNKNOWN_KIND", `There is no import of "${kind}"; the kinds are: ${Object.keys(IMPORT_KINDS).join(", ")}.`);
      const name = path.basename(decodeURIComponent(String(req.headers["x-file-name"] ?? "")));
      // An .xls goes on to the engine, which says how to make an .xlsx of it.
      if (!/\.(xlsx|xls|csv)$/iu.test(name))
        return fail(res, 400, "UNSUPPORTED_FORMAT", "Send an .xlsx or .csv file, with its name in the x-file-name header.");
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) return fail(res, 400, "EMPTY_FILE", "The file is empty.");
      const report = await withTempDir(async (dir) => {
        const file = path.join(dir, name.replace(/[^\p{L}\p{N}._ -]/gu, "_"));
        await writeFile(file, req.body as Buffer);
        return runImport({
          file,
          kind,
          sheet: typeof req.query.sheet === "string" ? req.query.sheet : undefined,
          dryRun: req.query.dryRun === "true",
          skipInvalid: req.query.skipInvalid === "true",
          gatewayUrl: self(),
          token,
          errorCopy: path.join(dir, "loi.xlsx"),
        });
      });
      res.json({ ...report, errorCopy: null });
    }),
  );

  router.post(
    "/export",
    express.json({ limit: "64kb" }),
    handle(async (req, res) => {
      const token = await credential(req, tokenKeys, apiKeys);
      const { query, variables, format, name } = req.body as { query?: string; variables?: Record<string, unknown>; format?: string; name?: string };
      if (typeof query !== "string") return fail(res, 400, "BAD_REQUEST", "Send the query to export as { query, variables, format }.");
      const extension = format === "csv" ? "csv" : "xlsx";
      await withTempDir(async (dir) => {
        const out = path.join(dir, `export.${extension}`);
        await runExport({ query, variables, out, gatewayUrl: self(), token });
        const download = `${(name ?? "danh-sach").replace(/[^\p{L}\p{N}_-]/gu, "-")}.${extension}`;
        await new Promise<void>((resolve, reject) => res.download(out, download, (error) => (error ? reject(error) : resolve())));
      });
    }),
  );
  router.get(
    "/report",
    handle(async (req, res) => {
      const token = await credential(req, tokenKeys, apiKeys);
      const period = typeof req.query.period === "string" ? req.query.period : "";
      let unitMap: UnitMap;
      try {
        parseReportPeriod(period);
        unitMap = parseUnitMap(typeof req.query.unitMap === "string" ? req.query.unitMap : undefined);
      } catch (error) {
        return fail(res, 400, "BAD_REQUEST", (error as Error).message);
      }
      await withTempDir(async (dir) => {
        const out = path.join(dir, "bao-cao.xlsx");
        await runReport({ period, unitMap, out, gatewayUrl: self(), token });
        const download = `bao-cao-kttt-${period.replace(/[^\p{L}\p{N}_-]/gu, "-")}${unitMap === "TODAY" ? "-theo-xa-hien-nay" : ""}.xlsx`;
        await new Promise<void>((resolve, reject) => res.download(out, download, (error) => (error ? reject(error) : resolve())));
      });
    }),
  );
  // A file over the limit is refused here, with the limit that applies to files.
  router.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: express.NextFunction) => {
    if (error?.type !== "entity.too.large") return next(error);
    fail(res, 413, "FILE_TOO_LARGE", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: split it, or import it with npm run import.`);
  });
  return router;
}
