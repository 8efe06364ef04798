/**
 * The input and filter fields the subgraphs share, one decorator each: the GraphQL field and its
 * validation in one place (an optional unit code and the date a filter judges it on, words to search,
 * a year, a nested input object such as a list's `filter`).
 */
import { IsOptional, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, Float, Int, type ClassType } from "type-graphql";
import { IsAdminUnitCode } from "./admin-unit-code";
import { IsYearInRange } from "./calendar";
import { ConnectionArgs } from "./pagination";
import { LocalDateScalar } from "./scalars";

/** Applies property decorators in the order TypeScript would apply them written top to bottom above a property. */
export function decorate(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of [...decorators].reverse()) decorator(target, property);
  };
}

/** An optional administrative-unit code to filter by (its shape checked); what the unit selects is said in `description`. */
export function OptionalAdminUnitCodeField(description: string): PropertyDecorator {
  return decorate(Field({ nullable: true, description }), IsOptional(), IsAdminUnitCode());
}

/** The date a filter's `adminUnitCode` is judged on. */
export function AdminUnitAsOfField(): PropertyDecorator {
  return Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date `adminUnitCode` is judged on (tính đến ngày); default: today for a unit in force, the unit's last day for one that ended.",
  });
}

/** How every search matches (core's searchCondition), said after what each one searches. */
const SEARCH_MATCHING = 'Each word is found where a word starts, so part of a word works ("nong ngh" finds "Nông nghiệp"); a number anywhere.';

/** Words to search for (1 to 200 characters), with or without diacritics; what is searched is said in `description`. */
export function SearchField(description: string): PropertyDecorator {
  return decorate(
    Field({ nullable: true, description: `${description} ${SEARCH_MATCHING}` }),
    IsOptional(),
    Length(1, 200, { message: "search must be 1 to 200 characters." }),
  );
}

/** An optional year (within FIRST_YEAR…LAST_YEAR). */
export function OptionalYearField(description: string): PropertyDecorator {
  return decorate(
    Field(() => Int, { nullable: true, description }),
    IsOptional(),
    IsYearInRange(),
  );
}

/** An optional nested input object (a list's `filter`, a new owner given with a product), validated field by field. */
export function OptionalNestedField(type: () => object, description: string): PropertyDecorator {
  return decorate(Field(type, { nullable: true, description }), IsOptional(), ValidateNested());
}

// ---- Bounded inputs (added with trade promotion and policy support) ----
// Each names the input in its message by the property, so the message and the field cannot drift apart.

/** Options of a bounded input. */
export interface BoundedInputOptions {
  /** The value when the caller leaves the field out (a required field only). */
  defaultValue?: unknown;
  /** A message other than the usual one, e.g. one that says what to write. */
  message?: string;
}

/** "note must be at most 1000 characters." or "name must be 3 to 300 characters." */
function lengthMessage(property: string | symbol, min: number, max: number): string {
  return min === 0 ? `${String(property)} must be at most ${max} characters.` : `${String(property)} must be ${min} to ${max} characters.`;
}

/** Applies a message that names the property (computed when the decorator is applied). */
function named(make: (property: string | symbol) => PropertyDecorator): PropertyDecorator {
  return (target, property) => make(property)(target, property);
}

/** A required text of `min` to `max` characters. */
export function TextInput(min: number, max: number, description: string, options: BoundedInputOptions = {}): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => String, { description, ...(options.defaultValue === undefined ? {} : { defaultValue: options.defaultValue }) }),
      Length(min, max, { message: options.message ?? lengthMessage(property, min, max) }),
    ),
  );
}

/** An optional text of `min` to `max` characters (0: any length up to `max`). */
export function OptionalTextInput(min: number, max: number, description: string, options: Pick<BoundedInputOptions, "message"> = {}): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => String, { nullable: true, description }),
      IsOptional(),
      Length(min, max, { message: options.message ?? lengthMessage(property, min, max) }),
    ),
  );
}

/** Checks a count: not negative, and at most `max` when given. */
function countChecks(property: string | symbol, max: number | undefined): PropertyDecorator[] {
  return [
    Min(0, { message: `${String(property)} cannot be negative.` }),
    ...(max === undefined ? [] : [Max(max, { message: `${String(property)} must be at most ${max}.` })]),
  ];
}

/** A required count (a whole number, not negative, at most `max` when given). */
export function CountInput(description: string, options: Pick<BoundedInputOptions, "defaultValue"> & { max?: number } = {}): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => Int, { ...(options.defaultValue === undefined ? {} : { defaultValue: options.defaultValue }), description }),
      ...countChecks(property, options.max),
    ),
  );
}

/** An optional count (a whole number, not negative, at most `max` when given). */
export function OptionalCountInput(description: string, options: { max?: number } = {}): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => Int, { nullable: true, description }),
      IsOptional(),
      ...countChecks(property, options.max),
    ),
  );
}

/** A required year (within FIRST_YEAR…LAST_YEAR). */
export function YearInput(description: string): PropertyDecorator {
  return decorate(
    Field(() => Int, { description }),
    IsYearInRange(),
  );
}

/** Checks a number lies from `min` to `max`: "scoreA must be between 0 and 40.", or `message`. */
function rangeChecks(property: string | symbol, min: number, max: number, message?: string): PropertyDecorator[] {
  const text = message ?? `${String(property)} must be between ${min} and ${max}.`;
  return [Min(min, { message: text }), Max(max, { message: text })];
}

/** A required whole number from `min` to `max` (a score part). */
export function IntRangeInput(min: number, max: number, description: string): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => Int, { description }),
      ...rangeChecks(property, min, max),
    ),
  );
}

/** An optional number from `min` to `max`, whole unless `decimal` (stars, a score, a number of days); `message` other than the usual. */
export function OptionalRangeInput(min: number, max: number, description: string, options: { decimal?: boolean; message?: string } = {}): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => (options.decimal ? Float : Int), { nullable: true, description }),
      IsOptional(),
      ...rangeChecks(property, min, max, options.message),
    ),
  );
}

/** A required short code of `min` to `max` capital letters, digits, - or _ (e.g. CS-NNL); `example` is named in the message. */
export function CodeInput(min: number, max: number, description: string, example?: string): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => String, { description }),
      Matches(new RegExp(`^[A-Z0-9_-]{${min},${max}}$`, "u"), {
        message: `${String(property)} must be ${min} to ${max} capital letters, digits, - or _${example === undefined ? "" : ` (e.g. ${example})`}.`,
      }),
    ),
  );
}

/** A registration or tax number (mã số HTX, mã số thuế): 10 digits, optionally -3 digits for a branch. */
export const REGISTRATION_NUMBER = /^[0-9]{10}(-[0-9]{3})?$/u;

function registrationNumberCheck(property: string | symbol): PropertyDecorator {
  return Matches(REGISTRATION_NUMBER, { message: `${String(property)} must be 10 digits, optionally followed by - and 3 digits (e.g. 3001234567).` });
}

/** A required registration or tax number (`REGISTRATION_NUMBER`). */
export function RegistrationNumberInput(description: string): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => String, { description }),
      registrationNumberCheck(property),
    ),
  );
}

/** An optional registration or tax number (`REGISTRATION_NUMBER`). */
export function OptionalRegistrationNumberInput(description: string): PropertyDecorator {
  return named((property) =>
    decorate(
      Field(() => String, { nullable: true, description }),
      IsOptional(),
      registrationNumberCheck(property),
    ),
  );
}

/** A required administrative-unit code (its shape checked); what the unit is, and on which date, is said in `description`. */
export function AdminUnitCodeField(description: string): PropertyDecorator {
  return decorate(
    Field(() => String, { description }),
    IsAdminUnitCode(),
  );
}

/** A required nested input object (who takes part, the seller), validated field by field. */
export function NestedField(type: () => object, description: string): PropertyDecorator {
  return decorate(Field(type, { description }), ValidateNested());
}

/**
 * The arguments of a list with a filter: the connection's paging arguments and an optional `filter`
 * (an input object, described by `description`). A list with more arguments (a sort order) extends it.
 */
export function FilteredListArgs<F extends object>(filter: () => ClassType<F>, description: string) {
  @ArgsType()
  class FilteredListArgs extends ConnectionArgs {
    @OptionalNestedField(filter, description)
    filter?: F;
  }
  return FilteredListArgs;
}

/** `FilteredListArgs` with a sort order: `orderBy`, a value of the enum `order`, `defaultOrder` when left out. */
export function SortedListArgs<F extends object, O extends object>(filter: () => ClassType<F>, description: string, order: O, defaultOrder: O[keyof O]) {
  @ArgsType()
  class SortedListArgs extends FilteredListArgs(filter, description) {
    @Field(() => order, { defaultValue: defaultOrder, description: "Sort order." })
    orderBy: O[keyof O];
  }
  return SortedListArgs;
}
