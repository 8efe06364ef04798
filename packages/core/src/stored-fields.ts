/**
 * Stored fields: one decorator for a property that is both a GraphQL field and a TypeORM column, so
 * an entity says each field once (its kind, its description, who reads it) instead of two or three
 * decorators that must agree. `@Stored.money("Revenue of the year (doanh thu), VND.")` is
 * `@Field(() => VndScalar, { description })` over `@Column("bigint", { name: "revenue", transformer })`.
 *
 * - The column is named after the property in snake_case (`charterCapital` → `charter_capital`)
 *   unless `column` names it.
 * - `nullable` makes both the field and the column nullable.
 * - `guard` (a `DETAILS` area) puts `@Authorized(...DETAILS[area])` on the field, makes the field
 *   nullable (a caller outside the area reads null with a FORBIDDEN error) and appends the area's
 *   `READ_NOTE` to the description, as every guarded field says who reads it.
 * - `field` passes further GraphQL options (complexity, deprecationReason).
 * - `primary` makes the column (a part of) the primary key; `default` gives the column's default.
 * A property that is a column but no field, or a field with no column, keeps the plain decorators.
 */
import { Authorized, Field, Float, ID, Int, type FieldOptions } from "type-graphql";

type ReturnTypeFunc = Extract<Parameters<typeof Field>[0], (...args: never[]) => unknown>;
import { Column, Entity, PrimaryColumn, type ColumnType, type ValueTransformer } from "typeorm";
import { DETAILS, READ_NOTE } from "./auth";
import { decorate } from "./input-fields";
import { bigintTransformer, LocalDateScalar, numericTransformer, VndScalar } from "./scalars";

/** Options of a stored field; see the module's description. */
export interface StoredOptions {
  /** The column's name when it is not the property's name in snake_case. */
  column?: string;
  /** Field and column may hold null. */
  nullable?: boolean;
  /** The area whose readers alone may read the field (`DETAILS`, `READ_NOTE`). */
  guard?: keyof typeof DETAILS;
  /** A numeric column's precision and scale, as the migration declares them. */
  precision?: number;
  scale?: number;
  /** The column is (a part of) the table's primary key. */
  primary?: boolean;
  /** The column's default, as the migration declares it. */
  default?: boolean | number | string;
  /** More GraphQL field options. */
  field?: Omit<FieldOptions, "nullable" | "description">;
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/gu, (letter) => `_${letter.toLowerCase()}`);
}

function stored(
  graphqlType: ReturnTypeFunc,
  columnType: ColumnType,
  columnOptions: { transformer?: ValueTransformer; array?: boolean; primary?: boolean },
): (description: string, options?: StoredOptions) => PropertyDecorator {
  return (description, options = {}) =>
    (target, property) => {
      const { guard, nullable = false } = options;
      const fieldOptions: FieldOptions = {
        ...options.field,
        ...(nullable || guard ? { nullable: true } : {}),
        description: guard ? `${description} ${READ_NOTE[guard]}` : description,
      };
      const name = options.column ?? snakeCase(String(property));
      const column =
        columnOptions.primary || options.primary
          ? PrimaryColumn(columnType as "uuid", { name })
          : Column(columnType as "text", {
              name,
              ...(nullable ? { nullable: true } : {}),
              ...(options.default === undefined ? {} : { default: options.default }),
              ...(columnOptions.transformer ? { transformer: columnOptions.transformer } : {}),
              ...(columnOptions.array ? { array: true } : {}),
              ...(options.precision === undefined ? {} : { precision: options.precision, scale: options.scale }),
            });
      const decorators: PropertyDecorator[] = [...(guard ? [Authorized(...DETAILS[guard])] : []), Field(graphqlType, fieldOptions), column];
      decorate(...decorators)(target, property);
    };
}

/** One decorator per kind of stored field (GraphQL type over column type). */
export const Stored = {
  /** The record's stable identifier: `ID` over a uuid primary key. */
  id: stored(() => ID, "uuid", { primary: true }),
  /** Another record's id: `ID` over a uuid column. */
  ref: stored(() => ID, "uuid", {}),
  /** Text: `String` over text. */
  text: stored(() => String, "text", {}),
  /** A list of texts: `[String]` over text[]. */
  texts: stored(() => [String], "text", { array: true }),
  /** A whole number: `Int` over integer. */
  int: stored(() => Int, "integer", {}),
  /** A small whole number (a score part, stars): `Int` over smallint. */
  smallint: stored(() => Int, "smallint", {}),
  /** A decimal (a score, a share): `Float` over numeric. */
  decimal: stored(() => Float, "numeric", { transformer: numericTransformer }),
  /** Yes or no: `Boolean` over boolean. */
  boolean: stored(() => Boolean, "boolean", {}),
  /** A calendar date: `LocalDate` over date. */
  date: stored(() => LocalDateScalar, "date", {}),
  /** Money in whole đồng: `Vnd` over bigint. */
  money: stored(() => VndScalar, "bigint", { transformer: bigintTransformer }),
  /** An enum value stored as its name: the enum over text. */
  enum: (enumType: object, description: string, options?: StoredOptions): PropertyDecorator =>
    stored(() => enumType as ReturnType<ReturnTypeFunc>, "text", {})(description, options),
  /**
   * Where a place-bound record lies (@kttt/reference's `Placement`), put on its `adminUnitCode`: that field over its
   * column, then the `commune_id` column of `communeId` (no field: each subgraph's `commune` resolver serves the unit),
   * then `communeSince`, a nullable date, declared in this order where `adminUnitCode` stands so the type's fields keep
   * their order. The record declares `adminUnitCode`; `communeId`, `communeSince` and `communeCodeToday` it has from
   * @kttt/reference's `PlaceBound`.
   */
  place:
    (descriptions: PlaceDescriptions, options: Pick<StoredOptions, "nullable"> = {}): PropertyDecorator =>
    (target, property) => {
      Stored.text(descriptions.adminUnitCode, options)(target, property);
      Column("text", { name: "commune_id", nullable: true })(target, "communeId");
      Stored.date(descriptions.communeSince ?? communeSinceDescription(descriptions.who ?? "it"), { nullable: true })(target, "communeSince");
    },
};

/** The descriptions of a place-bound record's `adminUnitCode` and `communeSince` (`Stored.place`). */
export interface PlaceDescriptions {
  /** `adminUnitCode`'s: the unit the record is registered (or produced, held) in, and which level it is on which date. */
  adminUnitCode: string;
  /** Who lies in `commune`, in `communeSince`'s usual description ("the seller"; default "it"). */
  who?: string;
  /** `communeSince`'s description, where the usual one does not fit. */
  communeSince?: string;
}

/** `communeSince`'s usual description, of `who` (it, the organisation, the seller). */
function communeSinceDescription(who: string): string {
  return `Since when ${who} lies in \`commune\` (từ ngày); null where no commune is recorded.`;
}

/** GraphQL options of a field that is not stored (`FieldOf`): all but the description, said first. */
export type FieldOfOptions = Omit<FieldOptions, "description">;

function served(graphqlType: ReturnTypeFunc): (description: string, options?: FieldOfOptions) => PropertyDecorator {
  return (description, options = {}) => Field(graphqlType, { ...options, description });
}

/**
 * The same kinds for a GraphQL field with no column (a statistic, an input, an import row):
 * `@FieldOf.money("Revenue, VND.")` is `@Field(() => VndScalar, { description })`; options as type-graphql's
 * (`nullable`, `defaultValue`). Validation, where an input needs it, stays in its own decorators.
 */
export const FieldOf = {
  id: served(() => ID),
  text: served(() => String),
  texts: served(() => [String]),
  int: served(() => Int),
  decimal: served(() => Float),
  boolean: served(() => Boolean),
  date: served(() => LocalDateScalar),
  money: served(() => VndScalar),
  /** An enum's value, or an object type: `FieldOf.of(Sector, "Field of activity.")`. */
  of: (type: object, description: string, options?: FieldOfOptions): PropertyDecorator =>
    served(() => type as ReturnType<ReturnTypeFunc>)(description, options),
  /**
   * The Vietnamese label of the enum value the record keeps in `source`, from `labels`: `@FieldOf.label(KIND_LABEL, "kind",
   * "Name of the legal form in Vietnamese (tên loại hình).") kindLabel: string`. A `String` field read through a getter;
   * with `nullable`, null while `source` is null.
   */
  label:
    <K extends string>(labels: Readonly<Record<K, string>>, source: string, description: string, options?: FieldOfOptions): PropertyDecorator =>
    (target, property) => {
      Object.defineProperty(target, property, {
        configurable: true,
        get(this: Record<string, K | null | undefined>): string | null {
          const value = this[source];
          return value === null || value === undefined ? null : labels[value];
        },
      });
      served(() => String)(description, options)(target, property);
    },
};

/**
 * An entity that only links two records by their ids (a policy and a document it rests on, a participation and a
 * product it showed): table `table`, whose two uuid columns, named after the properties in snake_case, make its
 * primary key. No GraphQL type: the records it links serve the link.
 */
export function linkTable<A extends string, B extends string>(table: string, a: A, b: B): new () => Record<A | B, string> {
  class Link {}
  Object.defineProperty(Link, "name", { value: table.replace(/(?:^|_)([a-z])/gu, (_, letter: string) => letter.toUpperCase()) });
  for (const property of [a, b]) PrimaryColumn("uuid", { name: snakeCase(property) })(Link.prototype, property);
  Entity(table)(Link);
  return Link as new () => Record<A | B, string>;
}

// ---- Added for trade promotion and policy support (enttp) ----

/** A list of enum values stored as their names: `[Enum]` over text[] (an agency's kinds of support, a policy's eligible legal forms). */
export function storedEnums(enumType: object, description: string, options?: StoredOptions): PropertyDecorator {
  return stored(() => [enumType] as ReturnType<ReturnTypeFunc>, "text", { array: true })(description, options);
}
