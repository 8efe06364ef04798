/**
 * `/admin/api-keys`: administrators create, list, rotate and revoke API keys (a bearer token with
 * role ALLIANCE_ADMIN). JSON in, JSON out; errors in the GraphQL error shape with a stable code.
 */
import express, { type Request, type Response } from "express";
import { ErrorCode, isDomainError, principalOf, Role, type CallerTokenKeys } from "@kttt/core";
import type { ApiKeyStore } from "./api-keys";

function fail(res: Response, status: number, code: string, message: string, field?: string, reason?: string) {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}), ...(reason ? { reason } : {}) } }] });
}

export function apiKeyAdmin(store: ApiKeyStore | null, tokenKeys: CallerTokenKeys): express.Router {
  const router = express.Router();
  router.use(async (req, res, next) => {
    if (!store) return fail(res, 503, ErrorCode.SERVICE_UNAVAILABLE, "This gateway has no database for API keys (set DATABASE_URL or GATEWAY_DATABASE_URL).");
    try {
      const principal = await principalOf(req.headers.authorization, tokenKeys);
      if (principal.role === Role.PUBLIC) return fail(res, 401, ErrorCode.UNAUTHENTICATED, "Sign in as an administrator.");
      if (principal.role !== Role.ALLIANCE_ADMIN) return fail(res, 403, ErrorCode.FORBIDDEN, "Only Alliance administrators manage API keys.");
      res.locals.admin = principal.subject;
      next();
    } catch (error) {
      if (isDomainError(error)) return fail(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      next(error);
    }
  });
  const handle =
    (fn: (req: Request) => Promise<unknown>, status = 200) =>
    async (req: Request, res: Response, next: express.NextFunction) => {
      try {
        res.status(status).json(await fn(req));
      } catch (error) {
        if (!isDomainError(error)) return next(error);
        const code = String(error.extensions.code);
        fail(
          res,
          code === ErrorCode.NOT_FOUND ? 404 : 400,
          code,
          error.message,
          error.extensions.field as string | undefined,
          error.extensions.reason as string | undefined,
        );
      }
    };
  router.get(
    "/",
    handle(() => store!.list()),
  );
  router.post(
    "/",
    handle((req) => store!.create(req.body ?? {}, String(req.res?.locals.admin)), 201),
  );
  router.post(
    "/:id/rotate",
    handle((req) => store!.rotate(String(req.params.id))),
  );
  router.post(
    "/:id/revoke",
    handle((req) => store!.revoke(String(req.params.id))),
  );
  return router;
}
