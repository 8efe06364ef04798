import { initialMigration } from "@kttt/core";

const EVENT_TYPES = "'FAIR', 'EXHIBITION', 'TRADE_CONFERENCE', 'SUPPLY_DEMAND_CONNECTION', 'ONLINE_CAMPAIGN'";
const PARTICIPANT_KINDS = "'COOPERATIVE', 'COOPERATIVE_GROUP', 'COOPERATIVE_UNION', 'OCOP_LOCAL_OWNER'";
const PLATFORMS = "'POSTMART', 'VOSO', 'VCAMART', 'SENDO', 'SHOPEE', 'LAZADA', 'TIKI', 'OTHER'";
const UNIT = "~ '^[0-9]{3}$'";

/**
 * The trade-promotion schema: events, who took part (with which OCOP products and results),
 * e-commerce listings and supply-demand links. Organisations (membership), OCOP products and local
 * owners (ocop) and support programmes (policy support) are kept here by key only.
 */
export const TradePromotionInitial1732406400300 = initialMigration(
  "TradePromotionInitial1732406400300",
  [
    // An event held outside the province, or only online, has no unit of the province.
    `
      CREATE TABLE trade_event (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
        type text NOT NULL CHECK (type IN (${EVENT_TYPES})),
        format text NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'HYBRID')),
        scope text NOT NULL CHECK (scope IN ('PROVINCIAL', 'REGIONAL', 'NATIONAL', 'INTERNATIONAL')),
        organiser text NOT NULL CHECK (length(organiser) BETWEEN 2 AND 300),
        place text NOT NULL CHECK (length(place) BETWEEN 2 AND 300),
        admin_unit_code text CHECK (admin_unit_code ${UNIT}),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        booth_count integer CHECK (booth_count BETWEEN 0 AND 100000),
        budget bigint CHECK (budget >= 0),
        funding_programme_id uuid,
        illustrative boolean NOT NULL DEFAULT false,
        note text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        search_text text GENERATED ALWAYS AS (kttt_fold(name || ' ' || organiser || ' ' || place)) STORED,
        CHECK (ends_on >= starts_on),
        CHECK (format <> 'ONLINE' OR admin_unit_code IS NULL)
      )`,
    `CREATE INDEX trade_event_starts_idx ON trade_event (starts_on DESC, id DESC)`,
    `CREATE INDEX trade_event_period_idx ON trade_event (starts_on, ends_on)`,
    `CREATE INDEX trade_event_unit_idx ON trade_event (admin_unit_code)`,
    `CREATE INDEX trade_event_search_idx ON trade_event USING gin (search_text gin_trgm_ops)`,

    `
      CREATE TABLE trade_participation (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES trade_event (id),
        participant_id uuid NOT NULL,
        participant_kind text NOT NULL CHECK (participant_kind IN (${PARTICIPANT_KINDS})),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ${UNIT}),
        attended_from date NOT NULL,
        attended_to date NOT NULL,
        booths integer NOT NULL DEFAULT 0 CHECK (booths BETWEEN 0 AND 1000),
        sales_amount bigint NOT NULL DEFAULT 0 CHECK (sales_amount >= 0),
        contract_count integer NOT NULL DEFAULT 0 CHECK (contract_count >= 0),
        contract_value bigint NOT NULL DEFAULT 0 CHECK (contract_value >= 0),
        mou_count integer NOT NULL DEFAULT 0 CHECK (mou_count >= 0),
        mou_value bigint NOT NULL DEFAULT 0 CHECK (mou_value >= 0),
        note text,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        UNIQUE (event_id, participant_id),
        CHECK (attended_to >= attended_from),
        CHECK (contract_count > 0 OR contract_value = 0),
        CHECK (mou_count > 0 OR mou_value = 0)
      )`,
    `CREATE INDEX trade_participation_participant_idx ON trade_participation (participant_id, attended_from DESC)`,
    `CREATE INDEX trade_participation_unit_idx ON trade_participation (admin_unit_code)`,

    `
      CREATE TABLE participation_product (
        participation_id uuid NOT NULL REFERENCES trade_participation (id) ON DELETE CASCADE,
        product_id uuid NOT NULL,
        PRIMARY KEY (participation_id, product_id)
      )`,
    `CREATE INDEX participation_product_product_idx ON participation_product (product_id)`,

    // A listing names an OCOP product by key, or another product by name; never neither.
    `
      CREATE TABLE ecommerce_listing (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL,
        owner_kind text NOT NULL CHECK (owner_kind IN (${PARTICIPANT_KINDS})),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ${UNIT}),
        platform text NOT NULL CHECK (platform IN (${PLATFORMS})),
        product_id uuid,
        product_name text NOT NULL CHECK (length(product_name) BETWEEN 2 AND 300),
        url text CHECK (url ~ '^https?://'),
        listed_on date NOT NULL,
        delisted_on date,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        product_key text GENERATED ALWAYS AS (coalesce(product_id::text, kttt_fold(product_name))) STORED,
        UNIQUE (owner_id, platform, product_key, listed_on),
        CHECK (delisted_on IS NULL OR delisted_on >= listed_on)
      )`,
    `CREATE INDEX ecommerce_listing_owner_idx ON ecommerce_listing (owner_id, listed_on)`,
    `CREATE INDEX ecommerce_listing_product_idx ON ecommerce_listing (product_id) WHERE product_id IS NOT NULL`,
    `CREATE INDEX ecommerce_listing_period_idx ON ecommerce_listing (listed_on, delisted_on)`,

    `
      CREATE TABLE supply_demand_link (
        id uuid PRIMARY KEY,
        seller_id uuid NOT NULL,
        seller_kind text NOT NULL CHECK (seller_kind IN (${PARTICIPANT_KINDS})),
        admin_unit_code text NOT NULL CHECK (admin_unit_code ${UNIT}),
        buyer text NOT NULL CHECK (length(buyer) BETWEEN 2 AND 300),
        product_id uuid,
        product_name text NOT NULL CHECK (length(product_name) BETWEEN 2 AND 300),
        volume numeric(14, 2) NOT NULL CHECK (volume > 0),
        volume_unit text NOT NULL CHECK (length(volume_unit) BETWEEN 1 AND 30),
        value bigint NOT NULL CHECK (value >= 0),
        agreed_on date NOT NULL,
        event_id uuid REFERENCES trade_event (id),
        note text,
        search_text text GENERATED ALWAYS AS (kttt_fold(buyer || ' ' || product_name)) STORED
      )`,
    `CREATE INDEX supply_demand_link_seller_idx ON supply_demand_link (seller_id)`,
    `CREATE INDEX supply_demand_link_date_idx ON supply_demand_link (agreed_on DESC, id DESC)`,
    `CREATE INDEX supply_demand_link_search_idx ON supply_demand_link USING gin (search_text gin_trgm_ops)`,
  ],
  ["supply_demand_link", "ecommerce_listing", "participation_product", "trade_participation", "trade_event"],
);
