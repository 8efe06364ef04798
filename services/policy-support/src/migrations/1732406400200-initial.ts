import { initialMigration } from "@kttt/core";

const DOCUMENT_TYPES = "'LAW', 'DECREE', 'DECISION', 'CIRCULAR', 'RESOLUTION', 'PLAN', 'OFFICIAL_LETTER'";
const POLICY_KINDS =
  "'HUMAN_RESOURCES', 'SCIENCE_TECHNOLOGY_DIGITAL', 'TRADE_PROMOTION_MARKET', 'CREDIT_DEVELOPMENT_FUND', 'LAND', " +
  "'INFRASTRUCTURE_EQUIPMENT', 'CONSULTING_INFORMATION', 'AGRICULTURE_SPECIFIC', 'TAX_FEES'";
const ORGANIZATION_KINDS = "'COOPERATIVE', 'COOPERATIVE_UNION', 'COOPERATIVE_GROUP'";
const FUNDING_SOURCES = "'CENTRAL', 'PROVINCIAL', 'DISTRICT', 'COMMUNE', 'OTHER'";
const INDICATORS =
  "'NEW_COOPERATIVES', 'COOPERATIVE_COUNT', 'COOPERATIVE_GROUP_COUNT', 'GOOD_OR_FAIR_SHARE', 'OCOP_PRODUCTS', " +
  "'TRAINED_MANAGERS', 'AVERAGE_WORKER_INCOME', 'SUPPORT_DISBURSEMENT_RATE'";

/**
 * The policy-support schema: legal documents, agencies, policies and their legal basis,
 * programmes with their budget lines, beneficiaries with their disbursements, development plans.
 * Organisations and administrative units belong to membership and are kept here by key only.
 */
export const PolicySupportInitial1732406400200 = initialMigration(
  "PolicySupportInitial1732406400200",
  [
    `
      CREATE TABLE legal_document (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE CHECK (length(number) BETWEEN 3 AND 100),
        type text NOT NULL CHECK (type IN (${DOCUMENT_TYPES})),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 500),
        issuer text NOT NULL CHECK (length(issuer) BETWEEN 2 AND 200),
        issued_on date,
        effective_on date,
        supersedes_id uuid UNIQUE REFERENCES legal_document (id),
        note text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (kttt_fold(number || ' ' || title || ' ' || issuer)) STORED,
        CHECK (effective_on IS NULL OR issued_on IS NULL OR effective_on >= issued_on),
        CHECK (supersedes_id IS DISTINCT FROM id)
      )`,
    `CREATE INDEX legal_document_search_idx ON legal_document USING gin (search_text gin_trgm_ops)`,
    `CREATE INDEX legal_document_type_idx ON legal_document (type, number)`,

    `
      CREATE TABLE agency (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        kind text NOT NULL CHECK (kind IN ('PROVINCIAL_DEPARTMENT', 'COOPERATIVE_ALLIANCE', 'DISTRICT_COMMITTEE')),
        admin_unit_code text UNIQUE CHECK (admin_unit_code ~ '^[0-9]{3}$'),
        responsible_kinds text[] NOT NULL CHECK (responsible_kinds <@ ARRAY[${POLICY_KINDS}]::text[]),
        CHECK ((kind = 'DISTRICT_COMMITTEE') = (admin_unit_code IS NOT NULL))
      )`,

    `
      CREATE TABLE support_policy (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        kind text NOT NULL CHECK (kind IN (${POLICY_KINDS})),
        description text,
        eligible_kinds text[] NOT NULL CHECK (cardinality(eligible_kinds) >= 1 AND eligible_kinds <@ ARRAY[${ORGANIZATION_KINDS}]::text[]),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        search_text text GENERATED ALWAYS AS (kttt_fold(code || ' ' || name || ' ' || coalesce(description, ''))) STORED
      )`,
    `CREATE INDEX support_policy_search_idx ON support_policy USING gin (search_text gin_trgm_ops)`,
    `CREATE INDEX support_policy_kind_idx ON support_policy (kind, name, id)`,

    `
      CREATE TABLE policy_legal_basis (
        policy_id uuid NOT NULL REFERENCES support_policy (id),
        document_id uuid NOT NULL REFERENCES legal_document (id),
        PRIMARY KEY (policy_id, document_id)
      )`,

    `
      CREATE TABLE support_programme (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,60}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        policy_id uuid NOT NULL REFERENCES support_policy (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        search_text text GENERATED ALWAYS AS (kttt_fold(code || ' ' || name)) STORED,
        CHECK (ends_on >= starts_on)
      )`,
    `CREATE INDEX support_programme_order_idx ON support_programme (starts_on DESC, id DESC)`,
    `CREATE INDEX support_programme_agency_idx ON support_programme (agency_id)`,
    `CREATE INDEX support_programme_policy_idx ON support_programme (policy_id)`,
    `CREATE INDEX support_programme_search_idx ON support_programme USING gin (search_text gin_trgm_ops)`,

    `
      CREATE TABLE programme_funding (
        programme_id uuid NOT NULL REFERENCES support_programme (id),
        source text NOT NULL CHECK (source IN (${FUNDING_SOURCES})),
        planned_amount bigint NOT NULL CHECK (planned_amount > 0),
        PRIMARY KEY (programme_id, source)
      )`,

    // disbursed_amount is the running sum of the beneficiary's disbursements, kept in the same
    // transaction as each payment, so statistics read one row per allocation.
    `
      CREATE TABLE support_beneficiary (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES support_programme (id),
        organization_id uuid NOT NULL,
        organization_kind text NOT NULL CHECK (organization_kind IN (${ORGANIZATION_KINDS})),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ~ '^[0-9]{3}$'),
        funding_source text NOT NULL,
        support text NOT NULL CHECK (length(support) BETWEEN 3 AND 500),
        planned_amount bigint NOT NULL CHECK (planned_amount > 0),
        disbursed_amount bigint NOT NULL DEFAULT 0 CHECK (disbursed_amount >= 0),
        managers_trained integer NOT NULL DEFAULT 0 CHECK (managers_trained BETWEEN 0 AND 100),
        approved_on date NOT NULL,
        over_plan_reason text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        FOREIGN KEY (programme_id, funding_source) REFERENCES programme_funding (programme_id, source),
        UNIQUE (programme_id, organization_id),
        CHECK (disbursed_amount <= planned_amount OR over_plan_reason IS NOT NULL)
      )`,
    `CREATE INDEX support_beneficiary_organization_idx ON support_beneficiary (organization_id, approved_on DESC, id)`,
    `CREATE INDEX support_beneficiary_programme_idx ON support_beneficiary (programme_id, approved_on, id)`,
    `CREATE INDEX support_beneficiary_year_idx ON support_beneficiary (approved_on, admin_unit_code)`,

    `
      CREATE TABLE disbursement (
        id uuid PRIMARY KEY,
        beneficiary_id uuid NOT NULL REFERENCES support_beneficiary (id),
        amount bigint NOT NULL CHECK (amount > 0),
        disbursed_on date NOT NULL,
        override_reason text CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 10 AND 500),
        note text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
    `CREATE INDEX disbursement_beneficiary_idx ON disbursement (beneficiary_id, disbursed_on, id)`,

    `
      CREATE TABLE development_plan (
        id uuid PRIMARY KEY,
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        document_id uuid NOT NULL UNIQUE REFERENCES legal_document (id),
        title text NOT NULL CHECK (length(title) BETWEEN 3 AND 500),
        note text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`,

    // A money indicator has amounts, the others values: never both, never neither for the target.
    `
      CREATE TABLE plan_target (
        plan_id uuid NOT NULL REFERENCES development_plan (id),
        indicator text NOT NULL CHECK (indicator IN (${INDICATORS})),
        target_value numeric(16, 2) CHECK (target_value >= 0),
        target_amount bigint CHECK (target_amount >= 0),
        actual_value numeric(16, 2) CHECK (actual_value >= 0),
        actual_amount bigint CHECK (actual_amount >= 0),
        note text,
        PRIMARY KEY (plan_id, indicator),
        CHECK ((indicator = 'AVERAGE_WORKER_INCOME') = (target_amount IS NOT NULL)),
        CHECK ((target_value IS NULL) <> (target_amount IS NULL)),
        CHECK (indicator = 'AVERAGE_WORKER_INCOME' OR actual_amount IS NULL),
        CHECK (indicator <> 'AVERAGE_WORKER_INCOME' OR actual_value IS NULL),
        CHECK (indicator NOT IN ('GOOD_OR_FAIR_SHARE', 'SUPPORT_DISBURSEMENT_RATE') OR (target_value <= 100 AND coalesce(actual_value, 0) <= 100))
      )`,
  ],
  [
    "plan_target",
    "development_plan",
    "disbursement",
    "support_beneficiary",
    "programme_funding",
    "support_programme",
    "policy_legal_basis",
    "support_policy",
    "agency",
    "legal_document",
  ],
);
