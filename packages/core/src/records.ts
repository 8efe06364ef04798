/**
 * Reading the records a write names by id, the same way in every subgraph: an id that is not one is
 * refused as BAD_USER_INPUT (INVALID_ID) naming its field before anything is asked of the database; a
 * row that is not there is NOT_FOUND naming the same field.
 */
import { randomUUID } from "node:crypto";
import type { EntityManager, FindOptionsWhere } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { badInput, notFound } from "./errors";
import { isUuid } from "./loaders";

/** Refuses an id that is not a UUID: `what` names the record, e.g. "Organisation" (…id "x" is not a valid id). */
export function requireId(id: string, field: string, what: string): void {
  if (!isUuid(id)) throw badInput(`${what} id "${id}" is not a valid id.`, field, "INVALID_ID");
}

/**
 * The row of `entity` with this id, inside the write's transaction (`lock`: locked for the rest of it),
 * or NOT_FOUND on `field` ("No organisation has the id …"; `what` as in `requireId`).
 */
export async function findById<T extends object>(
  manager: EntityManager,
  entity: abstract new () => T,
  id: string,
  field: string,
  what: string,
  lock = false,
): Promise<T> {
  requireId(id, field, what);
  const query = manager.getRepository(entity).createQueryBuilder("t").where("t.id = :id", { id });
  if (lock) query.setLock("pessimistic_write");
  const row = await query.getOne();
  if (!row) throw notFound(`No ${what.toLowerCase()} has the id ${id}.`, field);
  return row;
}

/**
 * A new row of `entity` under a fresh id, inserted inside the write's transaction and read back as stored (with what
 * PostgreSQL fills in: defaults, generated columns). Rows that refer to it can then be inserted with its id.
 */
export async function insertNew<T extends { id: string }>(
  manager: EntityManager,
  entity: new () => T,
  values: Omit<QueryDeepPartialEntity<T>, "id">,
): Promise<T> {
  const repository = manager.getRepository(entity);
  const id = randomUUID();
  await repository.insert({ id, ...values });
  return repository.findOneByOrFail({ id } as FindOptionsWhere<T>);
}
