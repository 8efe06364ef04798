import { initialMigration } from "@kttt/core";

/**
 * The OCOP schema: local owners, products, certificates (the history is kept: a re-assessment adds
 * a row that supersedes the previous one). Owners kept by membership are stored by id only: no
 * foreign key can cross databases, see `ocopOwnerReferenceCheck` for how dangling ids are found.
 */
export const OcopInitial1732406400100 = initialMigration(
  "OcopInitial1732406400100",
  [
    `
      CREATE TABLE ocop_owner (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('ENTERPRISE', 'HOUSEHOLD_BUSINESS')),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        registration_number text NOT NULL UNIQUE CHECK (registration_number ~ '^[0-9]{10}(-[0-9]{3})?$'),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ~ '^[0-9]{3}$'),
        address text,
        representative text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (kttt_fold(name || ' ' || registration_number)) STORED
      )`,

    `
      CREATE TABLE ocop_product (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        product_group text NOT NULL CHECK (product_group IN ('FOOD', 'BEVERAGE', 'HERBAL', 'HANDICRAFT', 'ORNAMENTAL', 'TOURISM')),
        subgroup text NOT NULL CHECK (length(subgroup) BETWEEN 2 AND 200),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ~ '^[0-9]{3}$'),
        owner_type text NOT NULL CHECK (owner_type IN ('COOPERATIVE', 'COOPERATIVE_GROUP', 'COOPERATIVE_UNION', 'ENTERPRISE', 'HOUSEHOLD_BUSINESS')),
        owner_organization_id uuid,
        owner_id uuid REFERENCES ocop_owner (id),
        registered_on date NOT NULL,
        description text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (kttt_fold(name || ' ' || subgroup)) STORED,
        CHECK ((owner_type IN ('ENTERPRISE', 'HOUSEHOLD_BUSINESS')) = (owner_id IS NOT NULL)),
        CHECK ((owner_type IN ('COOPERATIVE', 'COOPERATIVE_GROUP', 'COOPERATIVE_UNION')) = (owner_organization_id IS NOT NULL)),
        UNIQUE (name, owner_organization_id),
        UNIQUE (name, owner_id)
      )`,
    `CREATE INDEX ocop_product_search_idx ON ocop_product USING gin (search_text gin_trgm_ops)`,
    `CREATE INDEX ocop_product_name_idx ON ocop_product (name, id)`,
    `CREATE INDEX ocop_product_unit_idx ON ocop_product (admin_unit_code, name, id)`,
    `CREATE INDEX ocop_product_organization_idx ON ocop_product (owner_organization_id, name, id) WHERE owner_organization_id IS NOT NULL`,
    `CREATE INDEX ocop_product_owner_idx ON ocop_product (owner_id, name, id) WHERE owner_id IS NOT NULL`,

    `
      CREATE TABLE ocop_certification (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES ocop_product (id),
        sequence integer NOT NULL CHECK (sequence > 0),
        kind text NOT NULL CHECK (kind IN ('INITIAL', 'UPGRADE', 'DOWNGRADE', 'RENEWAL')),
        score_a smallint NOT NULL CHECK (score_a BETWEEN 0 AND 40),
        score_b smallint NOT NULL CHECK (score_b BETWEEN 0 AND 25),
        score_c smallint NOT NULL CHECK (score_c BETWEEN 0 AND 35),
        score smallint GENERATED ALWAYS AS (score_a + score_b + score_c) STORED,
        stars smallint NOT NULL CHECK (stars IN (3, 4, 5)),
        level text NOT NULL CHECK (level IN ('DISTRICT', 'PROVINCE', 'CENTRAL')),
        decision_number text NOT NULL CHECK (length(decision_number) BETWEEN 3 AND 60),
        decided_on date NOT NULL,
        valid_until date NOT NULL,
        revoked_on date,
        revocation_reason text,
        revocation_decision_number text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (product_id, sequence),
        UNIQUE (product_id, decided_on),
        CHECK ((stars = 3 AND score_a + score_b + score_c BETWEEN 50 AND 69)
            OR (stars = 4 AND score_a + score_b + score_c BETWEEN 70 AND 89)
            OR (stars = 5 AND score_a + score_b + score_c BETWEEN 90 AND 100)),
        CHECK ((stars = 5 AND level = 'CENTRAL') OR (stars = 4 AND level = 'PROVINCE')
            OR (stars = 3 AND level = CASE WHEN decided_on >= DATE '2025-01-01' THEN 'PROVINCE' ELSE 'DISTRICT' END)),
        CHECK (valid_until = (decided_on + interval '36 months' - interval '1 day')::date),
        CHECK (revoked_on IS NULL OR revoked_on BETWEEN decided_on AND valid_until),
        CHECK ((revoked_on IS NULL) = (revocation_reason IS NULL)),
        CHECK ((sequence = 1) = (kind = 'INITIAL'))
      )`,
    `CREATE INDEX ocop_certification_product_idx ON ocop_certification (product_id, decided_on DESC)`,

    // Where a product stands on a date, in SQL: the same rule as ocopStatusOn() in @kttt/reference.
    `
      CREATE FUNCTION ocop_current_certification(product uuid, as_of date) RETURNS ocop_certification
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT c FROM ocop_certification c WHERE c.product_id = product AND c.decided_on <= as_of ORDER BY c.decided_on DESC LIMIT 1 $$`,
    `
      CREATE FUNCTION ocop_status(c ocop_certification, as_of date) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT CASE WHEN c.revoked_on IS NOT NULL AND c.revoked_on <= as_of THEN 'REVOKED'
                        WHEN c.valid_until < as_of THEN 'EXPIRED' ELSE 'ACTIVE' END $$`,
  ],
  ["ocop_certification", "ocop_product", "ocop_owner"],
  [`DROP FUNCTION IF EXISTS ocop_status(ocop_certification, date)`, `DROP FUNCTION IF EXISTS ocop_current_certification(uuid, date)`],
);
