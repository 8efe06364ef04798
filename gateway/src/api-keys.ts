/**
 * API keys for the machine clients of departments. A key is shown once, when created or rotated;
 * only its SHA-256 is stored, in the gateway's own database. The gateway turns a valid key into a
 * short-lived token for the key's principal, so subgraphs see keys and people the same way.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import {
  communeUnitRefusal,
  DEPARTMENTS,
  DISTRICT_ROLE_RETIRED,
  districtRoleRefused,
  DomainError,
  ErrorCode,
  RETIRED_DISTRICT_ROLE,
  Role,
  badInput,
  isUuid,
  notFound,
  today,
  type Principal,
} from "@kttt/core";
// Loading the units registers the commune check that COMMUNE keys and tokens are held to.
import "@kttt/reference";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1732406400900 implements MigrationInterface {
  name = "ApiKeys1732406400900";
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ALLIANCE_ADMIN', 'ALLIANCE_STAFF', 'DEPARTMENT', 'DISTRICT')),
        department text,
        admin_unit_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        CHECK ((role = 'DEPARTMENT') = (department IS NOT NULL)),
        CHECK ((role = 'DISTRICT') = (admin_unit_code IS NOT NULL))
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP TABLE api_key");
  }
}

/**
 * Keys for commune People's Committees (role COMMUNE with the commune's code). Rows that carry the retired
 * DISTRICT role stay as they are, so the administrators see them and a client presenting one is told why
 * it is refused (`DISTRICT_ROLE_RETIRED`); no district key is re-mapped to a commune.
 */
export class ApiKeysCommune1732406400901 implements MigrationInterface {
  name = "ApiKeysCommune1732406400901";
  async up(q: QueryRunner): Promise<void> {
    await dropChecksNaming(q, ["role", "admin_unit_code"]);
    await q.query(`ALTER TABLE api_key
      ADD CONSTRAINT api_key_role_check CHECK (role IN ('ALLIANCE_ADMIN', 'ALLIANCE_STAFF', 'DEPARTMENT', 'COMMUNE', 'DISTRICT')),
      ADD CONSTRAINT api_key_unit_check CHECK ((role IN ('COMMUNE', 'DISTRICT')) = (admin_unit_code IS NOT NULL))`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM api_key WHERE role = 'COMMUNE'");
    await q.query("ALTER TABLE api_key DROP CONSTRAINT api_key_role_check, DROP CONSTRAINT api_key_unit_check");
    await q.query(`ALTER TABLE api_key
      ADD CONSTRAINT api_key_role_check CHECK (role IN ('ALLIANCE_ADMIN', 'ALLIANCE_STAFF', 'DEPARTMENT', 'DISTRICT')),
      ADD CONSTRAINT api_key_check1 CHECK ((role = 'DISTRICT') = (admin_unit_code IS NOT NULL))`);
  }
}

/** Drops the CHECK constraints of `api_key` whose definition names one of `columns` but not `department` (PostgreSQL named them itself). */
async function dropChecksNaming(q: QueryRunner, columns: string[]): Promise<void> {
  const rows: { conname: string; def: string }[] = await q.query(
    "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'api_key'::regclass AND contype = 'c'",
  );
  for (const { conname, def } of rows) {
    if (def.includes("department") || !columns.some((c) => def.includes(c))) continue;
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT "${conname.replace(/"/gu, '""')}"`);
  }
}

/** The gateway's own migrations, oldest first. */
export const apiKeyMigrations = [ApiKeys1732406400900, ApiKeysCommune1732406400901];

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  department: string | null;
  adminUnitCode: string | null;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const hash = (key: string) => createHash("sha256").update(key).digest("hex");
const newKey = () => {
  const prefix = randomBytes(6).toString("hex");
  return { prefix, key: `kttt_${prefix}_${randomBytes(24).toString("base64url")}` };
};
const KEY_FORMAT = /^kttt_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/u;

function info(row: Record<string, unknown>): ApiKeyInfo {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: row.id as string,
    name: row.name as string,
    prefix: row.prefix as string,
    role: row.role as Role,
    department: (row.department as string | null) ?? null,
    adminUnitCode: (row.admin_unit_code as string | null) ?? null,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by as string,
    expiresAt: iso(row.expires_at)!,
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export class ApiKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    input: { name?: unknown; role?: unknown; department?: unknown; adminUnitCode?: unknown; expiresOn?: unknown },
    createdBy: string,
  ): Promise<ApiKeyInfo & { key: string }> {
    const name = typeof input.name === "string" ? input.name.normalize("NFC").trim() : "";
    if (name.length < 3 || name.length > 200) throw badInput("name must be 3 to 200 characters.", "name");
    const role = input.role as Role;
    if (role === (RETIRED_DISTRICT_ROLE as Role))
      throw badInput(`role DISTRICT is no longer issued. ${DISTRICT_ROLE_RETIRED}`, "role", "DISTRICT_ROLE_RETIRED");
    if (!Object.values(Role).includes(role) || role === Role.PUBLIC)
      throw badInput("role must be ALLIANCE_ADMIN, ALLIANCE_STAFF, DEPARTMENT or COMMUNE.", "role");
    const department = role === Role.DEPARTMENT ? (input.department as string) : null;
    if (role === Role.DEPARTMENT && !(department && department in DEPARTMENTS))
      throw badInput(`department must be one of ${Object.keys(DEPARTMENTS).join(", ")}.`, "department");
    const unit = role === Role.COMMUNE ? (input.adminUnitCode as string) : null;
    const unitRefusal = role === Role.COMMUNE ? communeUnitRefusal(unit) : null;
    if (unitRefusal) throw badInput(`adminUnitCode: ${unitRefusal}`, "adminUnitCode");
    const expiresOn = typeof input.expiresOn === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(input.expiresOn) ? input.expiresOn : null;
    if (!expiresOn || expiresOn <= today()) throw badInput("expiresOn must be a future date (YYYY-MM-DD): every key expires.", "expiresOn");
    const { prefix, key } = newKey();
    const [row] = await this.dataSource.query(
      `INSERT INTO api_key (id, name, prefix, secret_hash, role, department, admin_unit_code, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::date + 1)::timestamptz) RETURNING *`,
      [randomUUID(), name, prefix, hash(key), role, department, unit, createdBy, expiresOn],
    );
    return { ...info(row), key };
  }

  async list(): Promise<ApiKeyInfo[]> {
    return (await this.dataSource.query("SELECT * FROM api_key ORDER BY created_at DESC")).map(info);
  }

  /** A new secret for the same key; the old one stops working at once. */
  async rotate(id: string): Promise<ApiKeyInfo & { key: string }> {
    if (!isUuid(id)) throw notFound(`No active API key has the id ${id}.`, "id");
    const { prefix, key } = newKey();
    const rows = await this.dataSource.query("UPDATE api_key SET prefix = $2, secret_hash = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING *", [
      id,
      prefix,
      hash(key),
    ]);
    if (rows.length === 0) throw notFound(`No active API key has the id ${id}.`, "id");
    return { ...info(rows[0]), key };
  }

  async revoke(id: string): Promise<ApiKeyInfo> {
    if (!isUuid(id)) throw notFound(`No active API key has the id ${id}.`, "id");
    const rows = await this.dataSource.query("UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING *", [id]);
    if (rows.length === 0) throw notFound(`No active API key has the id ${id}.`, "id");
    return info(rows[0]);
  }

  /** The principal of a presented key, or UNAUTHENTICATED saying why not. */
  async verify(key: string): Promise<Principal> {
    const match = KEY_FORMAT.exec(key);
    if (!match) throw unauthenticated("The API key is not valid.");
    const [row] = await this.dataSource.query("SELECT * FROM api_key WHERE prefix = $1", [match[1]]);
    if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, "hex"), Buffer.from(hash(key), "hex"))) throw unauthenticated("The API key is not valid.");
    if (row.revoked_at) throw unauthenticated("The API key was revoked.");
    if (new Date(row.expires_at) <= new Date()) throw unauthenticated("The API key has expired: ask an administrator for a new one.");
    if (row.role === RETIRED_DISTRICT_ROLE) throw districtRoleRefused();
    const unitRefusal = row.role === Role.COMMUNE ? communeUnitRefusal(row.admin_unit_code) : null;
    if (unitRefusal) throw unauthenticated(`The API key's commune is not valid today: ${unitRefusal}`);
    void this.dataSource.query("UPDATE api_key SET last_used_at = now() WHERE id = $1", [row.id]).catch(() => undefined);
    return { subject: `apikey:${row.id}`, role: row.role as Role, department: row.department, adminUnitCode: row.admin_unit_code, name: row.name };
  }
}
