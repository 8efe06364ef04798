/**
 * Import sessions (phiên nhập): one database transaction that the batches of a file longer than one
 * call are written into, so a file is checked and written in one pass and still all or nothing. The
 * engine opens a session, sends every batch with it (each batch checked and written in the session's
 * transaction), and finishes it: committed only when every batch of the file was valid and written,
 * rolled back otherwise — nothing of the file is visible to anyone before the commit, and nothing is
 * left when it is rolled back (a crash of either side, or a session left idle, rolls it back too).
 *
 * A session lives in the subgraph process that opened it (its transaction holds one connection of the
 * pool until it ends): every call of one session must reach the same process.
 *
 * A batch is answered once it is checked and its writes are decided; the writes then go on in the
 * session's transaction while the caller sends the next batch (read and checked by the subgraph
 * meanwhile), which the session's next call waits for, so the database writes one batch while the next
 * travels and is checked. A write that fails rolls the session back, and the session's next call (a
 * batch, or finishImport) answers with its error: nothing of the file is kept.
 */
import { randomUUID } from "node:crypto";
import { Directive, ObjectType } from "type-graphql";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { constraintError } from "./constraints";
import { describedEnum, type EnumValue } from "./enums";
import { badInput, conflict, notFound } from "./errors";
import { FieldOf } from "./stored-fields";

export const ImportSessionState = describedEnum("ImportSessionState", "Where an import session stands (trạng thái phiên nhập).", {
  OPEN: "Đang mở: batches may be sent with it; nothing they wrote is visible yet.",
  COMMITTED: "Đã ghi: every batch it wrote is committed, in one transaction.",
  ROLLED_BACK: "Đã hủy: nothing it wrote is kept (a batch was invalid or refused, the caller gave up, or it was left idle).",
});
export type ImportSessionState = EnumValue<typeof ImportSessionState>;

@Directive("@shareable")
@ObjectType({ description: "An import session (phiên nhập): one transaction the batches of a long file are written into, all or nothing." })
export class ImportSession {
  @FieldOf.id("The session, to pass with each batch and to finishImport (mã phiên).")
  id: string;

  @FieldOf.of(ImportSessionState, "Open, committed or rolled back (trạng thái).")
  state: ImportSessionState;

  @FieldOf.int("Rows the session's batches wrote (created or updated) so far; kept only if it is committed (số dòng đã ghi).")
  rowsWritten: number;
}

/** A session left this long without a call is rolled back. */
export const IMPORT_SESSION_IDLE_MS = 120_000;

interface OpenSession {
  id: string;
  dataSource: DataSource;
  owner: string;
  runner: QueryRunner;
  /** Calls of the session, one after another (one connection, one transaction). */
  chain: Promise<unknown>;
  rowsWritten: number;
  /** A batch of the session was invalid or refused: it can only be rolled back. */
  failed: boolean;
  idle: NodeJS.Timeout;
}

const sessions = new Map<string, OpenSession>();
/** Sessions rolled back because a batch's writes failed after its answer: the error their next call answers with. */
const failedWrites = new Map<string, { owner: string; error: unknown; expires: NodeJS.Timeout }>();

function summary(session: { id: string; rowsWritten: number }, state: ImportSessionState): ImportSession {
  return Object.assign(new ImportSession(), { id: session.id, state, rowsWritten: session.rowsWritten });
}

async function close(session: OpenSession, commit: boolean): Promise<ImportSessionState> {
  sessions.delete(session.id);
  clearTimeout(session.idle);
  try {
    if (commit) await session.runner.commitTransaction();
    else await session.runner.rollbackTransaction().catch(() => undefined);
  } finally {
    await session.runner.release();
  }
  return commit ? ImportSessionState.COMMITTED : ImportSessionState.ROLLED_BACK;
}

function touch(session: OpenSession): void {
  clearTimeout(session.idle);
  session.idle = setTimeout(() => {
    session.chain = session.chain.finally(() => (sessions.get(session.id) === session ? close(session, false) : undefined)).catch(() => undefined);
  }, IMPORT_SESSION_IDLE_MS);
  session.idle.unref();
}

/** Opens a session for `owner` (the caller's subject): a transaction on a connection of its own. */
export async function startImportSession(dataSource: DataSource, owner: string): Promise<ImportSession> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  const session: OpenSession = {
    id: randomUUID(),
    dataSource,
    owner,
    runner,
    chain: Promise.resolve(),
    rowsWritten: 0,
    failed: false,
    idle: setTimeout(() => undefined, 0),
  };
  sessions.set(session.id, session);
  touch(session);
  return summary(session, ImportSessionState.OPEN);
}

/** Throws, once, the error of a write that rolled back the session `id` of `owner`, if one did. */
function reportFailedWrite(id: string, owner: string): void {
  const failure = failedWrites.get(id);
  if (!failure || failure.owner !== owner) return;
  failedWrites.delete(id);
  clearTimeout(failure.expires);
  throw failure.error;
}

function openSession(id: string, owner: string): OpenSession {
  reportFailedWrite(id, owner);
  const session = sessions.get(id);
  // Another caller's session is as unknown as a finished one: its id tells nothing to whoever guessed it.
  if (!session || session.owner !== owner)
    throw notFound(`No open import session ${id}: it was finished, rolled back (idle too long) or never opened here.`, "session");
  return session;
}

/**
 * Throws unless `session` is still open when a call that waited behind its earlier calls (`waiter`) comes to
 * run: the error of a write that rolled it back, if one did, else NOT_FOUND.
 */
function stillOpen(session: OpenSession, waiter: string): void {
  if (sessions.get(session.id) === session) return;
  reportFailedWrite(session.id, session.owner);
  throw notFound(`The import session ${session.id} was rolled back while ${waiter} waited.`, "session");
}

/** What a batch of a session did: its answer, the rows it wrote, whether it was refused, and the writes still to run. */
export interface SessionBatch<T> {
  result: T;
  rowsWritten: number;
  refused: boolean;
  /** The batch's writes, run in the session's transaction after `result` is answered (before the session's next call). */
  write?: () => Promise<void>;
}

/**
 * Runs one batch of a session in its transaction, after the session's calls before it (and their writes).
 * `batch` answers how many rows it wrote and whether it was refused (an invalid row without skipInvalid):
 * a refused batch, or one that throws, leaves the session able only to roll back (a thrown error rolls it
 * back now). Its `write` runs after the answer is sent; if it fails, the session is rolled back and its
 * next call answers with the error.
 */
export function inImportSession<T>(id: string, owner: string, batch: (manager: EntityManager) => Promise<SessionBatch<T>>): Promise<T> {
  const session = openSession(id, owner);
  const run = session.chain.then(async () => {
    stillOpen(session, "this batch");
    touch(session);
    try {
      const done = await batch(session.runner.manager);
      session.rowsWritten += done.rowsWritten;
      session.failed ||= done.refused;
      // Idle from the end of its last batch, however long that batch took.
      touch(session);
      return done;
    } catch (error) {
      // A failed statement aborts the transaction: nothing more can be written in it.
      await close(session, false);
      throw error;
    }
  });
  session.chain = run
    .then(async ({ write }) => {
      if (!write) return;
      try {
        await write();
        touch(session);
      } catch (error) {
        const expires = setTimeout(() => failedWrites.delete(id), IMPORT_SESSION_IDLE_MS);
        expires.unref();
        // A row registered meanwhile by someone else (a unique rule) is a conflict, as for any write.
        failedWrites.set(id, { owner, error: constraintError(error), expires });
        await close(session, false).catch(() => undefined);
      }
    })
    .catch(() => undefined);
  return run.then(({ result }) => result);
}

/**
 * Finishes a session: commits it when `commit` is asked and none of its batches was refused, else rolls
 * it back. Committing a session with a refused batch is refused (CONFLICT, SESSION_HAS_INVALID_ROWS),
 * and the session is rolled back.
 */
export function finishImportSession(id: string, owner: string, commit: boolean): Promise<ImportSession> {
  const session = openSession(id, owner);
  const run = session.chain.then(async () => {
    stillOpen(session, "finishImport");
    if (commit && session.failed) {
      await close(session, false);
      throw conflict(
        "A batch of this import session had invalid rows and was not written: the session is rolled back, nothing of the file is written.",
        "commit",
        "SESSION_HAS_INVALID_ROWS",
      );
    }
    return summary(session, await close(session, commit));
  });
  session.chain = run.catch(() => undefined);
  return run;
}

/** Rolls back every open session of a database (its subgraph stopping). */
export async function rollBackImportSessions(dataSource: DataSource): Promise<void> {
  await Promise.all([...sessions.values()].filter((s) => s.dataSource === dataSource).map((s) => close(s, false).catch(() => undefined)));
}

/** A session id as a batch takes it: absent, or the id of a session. */
export function sessionArgument(session: string | null | undefined): string | null {
  if (session === null || session === undefined) return null;
  if (session.trim() === "") throw badInput("session is empty: pass the id startImport answered, or leave it out.", "session");
  return session;
}
