/**
 * API keys for the machine clients of departments. A key is shown once, when created or rotated;
 * only its SHA-256 is stored, in the gateway's own database. The gateway turns a valid key into a
 * short-lived token for the key's principal, so subgraphs see keys and people the same way.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { DEPARTMENTS, DomainError, ErrorCode, Role, badInput, isAdminUnitCode, isUuid, notFound, today, type Principal } from "@kttt/core";
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

  async create(input: { name?: unknown; role?: unknown; department?: unknown; adminUnitCode?: unknown; expiresOn?: unknown }, createdBy: string): Promise<ApiKeyInfo & { key: string }> {
    const name = typeof input.name === "string" ? input.name.normalize("NFC").trim() : "";
    if (name.length < 3 || name.length > 200) throw badInput("name must be 3 to 200 characters.", "name");
    const role = input.role as Role;
    if (!Object.values(Role).includes(role) || role === Role.PUBLIC) throw badInput("role must be ALLIANCE_ADMIN, ALLIANCE_STAFF, DEPARTMENT or DISTRICT.", "role");
    const department = role === Role.DEPARTMENT ? (input.department as string) : null;
    if (role === Role.DEPARTMENT && !(department && department in DEPARTMENTS)) throw badInput(`department must be one of ${Object.keys(DEPARTMENTS).join(", ")}.`, "department");
    const unit = role === Role.DISTRICT ? (input.adminUnitCode as string) : null;
    if (role === Role.DISTRICT && !isAdminUnitCode(unit)) throw badInput("adminUnitCode must be a unit code such as 444.", "adminUnitCode");
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
    const rows = await this.dataSource.query("UPDATE api_key SET prefix = $2, secret_hash = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING *", [id, prefix, hash(key)]);
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
    void this.dataSource.query("UPDATE api_key SET last_used_at = now() WHERE id = $1", [row.id]).catch(() => undefined);
    return { subject: `apikey:${row.id}`, role: row.role as Role, department: row.department, adminUnitCode: row.admin_unit_code, name: row.name };
  }
}
