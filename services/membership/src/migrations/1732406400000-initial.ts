import { initialMigration } from "@kttt/core";

/** The membership schema: administrative units, organisations, members, Alliance membership, yearly figures. */
export const MembershipInitial1732406400000 = initialMigration(
  "MembershipInitial1732406400000",
  [
    `
      CREATE TABLE admin_unit (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CITY', 'TOWN', 'DISTRICT')),
        province_code text NOT NULL DEFAULT '42',
        valid_from date NOT NULL,
        valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        successor_code text REFERENCES admin_unit (code),
        change_note text
      )`,

    `
      CREATE TABLE organization (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('COOPERATIVE', 'COOPERATIVE_UNION', 'COOPERATIVE_GROUP')),
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        registration_number text UNIQUE,
        admin_unit_code text NOT NULL REFERENCES admin_unit (code),
        sector text NOT NULL CHECK (sector IN ('AGRICULTURE', 'INDUSTRY_HANDICRAFT', 'TRADE_SERVICES', 'CONSTRUCTION', 'TRANSPORT', 'ENVIRONMENT', 'PEOPLES_CREDIT_FUND')),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISSOLVED')),
        established_on date NOT NULL,
        dissolved_on date,
        address text,
        representative text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_text text GENERATED ALWAYS AS (kttt_fold(name || ' ' || coalesce(registration_number, ''))) STORED,
        CHECK ((status = 'DISSOLVED') = (dissolved_on IS NOT NULL)),
        CHECK (dissolved_on IS NULL OR dissolved_on >= established_on)
      )`,
    `CREATE INDEX organization_search_idx ON organization USING gin (search_text gin_trgm_ops)`,
    `CREATE INDEX organization_kind_name_idx ON organization (kind, name, id)`,
    `CREATE INDEX organization_admin_unit_idx ON organization (admin_unit_code, kind)`,
    `CREATE INDEX organization_sector_idx ON organization (sector, kind)`,

    `
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('INDIVIDUAL', 'HOUSEHOLD', 'LEGAL_ENTITY')),
        membership_type text NOT NULL CHECK (membership_type IN ('OFFICIAL', 'ASSOCIATE_WITH_CAPITAL', 'ASSOCIATE_WITHOUT_CAPITAL')),
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 300),
        member_organization_id uuid REFERENCES organization (id),
        capital_contributed bigint NOT NULL DEFAULT 0 CHECK (capital_contributed >= 0),
        joined_on date NOT NULL,
        left_on date CHECK (left_on IS NULL OR left_on >= joined_on),
        version integer NOT NULL DEFAULT 1,
        CHECK (membership_type <> 'ASSOCIATE_WITHOUT_CAPITAL' OR capital_contributed = 0),
        CHECK (member_organization_id IS NULL OR kind = 'LEGAL_ENTITY'),
        CHECK (member_organization_id IS DISTINCT FROM organization_id)
      )`,
    `CREATE INDEX member_organization_idx ON member (organization_id, joined_on, id)`,
    `CREATE UNIQUE INDEX member_organization_once_idx ON member (organization_id, member_organization_id) WHERE member_organization_id IS NOT NULL AND left_on IS NULL`,

    `
      CREATE TABLE alliance_membership (
        organization_id uuid PRIMARY KEY REFERENCES organization (id),
        joined_on date NOT NULL,
        left_on date CHECK (left_on IS NULL OR left_on >= joined_on),
        decision_number text
      )`,

    `
      CREATE TABLE financial_report (
        organization_id uuid NOT NULL REFERENCES organization (id),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        charter_capital bigint NOT NULL CHECK (charter_capital >= 0),
        revenue bigint NOT NULL CHECK (revenue >= 0),
        profit bigint NOT NULL CHECK (profit <= revenue),
        regular_workers integer NOT NULL CHECK (regular_workers >= 0),
        average_monthly_income bigint NOT NULL CHECK (average_monthly_income >= 0),
        managers_total integer NOT NULL CHECK (managers_total >= 0),
        managers_trained integer NOT NULL CHECK (managers_trained BETWEEN 0 AND managers_total),
        it_readiness text NOT NULL CHECK (it_readiness IN ('NONE', 'BASIC', 'SOFTWARE', 'ONLINE')),
        version integer NOT NULL DEFAULT 1,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, year)
      )`,
    `CREATE INDEX financial_report_year_idx ON financial_report (year)`,

    `
      CREATE TABLE classification (
        organization_id uuid NOT NULL REFERENCES organization (id),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        scheme text NOT NULL CHECK (scheme IN ('CIRCULAR_01_2020', 'DECREE_113_2024')),
        score numeric(5, 2) CHECK (score BETWEEN 0 AND 100),
        rating text NOT NULL CHECK (rating IN ('GOOD', 'FAIR', 'AVERAGE', 'WEAK', 'NOT_RATED')),
        size_class text CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
        not_rated_reason text,
        version integer NOT NULL DEFAULT 1,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, year, scheme),
        CHECK ((rating = 'NOT_RATED') = (score IS NULL) OR scheme <> 'CIRCULAR_01_2020')
      )`,
    `CREATE INDEX classification_year_idx ON classification (year, scheme)`,
  ],
  ["classification", "financial_report", "alliance_membership", "member", "organization", "admin_unit"],
);
