/**
 * The input and filter fields the subgraphs share, one decorator each: the GraphQL field and its
 * validation in one place (an optional unit code and the date a filter judges it on, words to search,
 * a year, a nested input object such as a list's `filter`).
 */
import { IsOptional, Length, ValidateNested } from "class-validator";
import { Field, Int } from "type-graphql";
import { IsAdminUnitCode } from "./admin-unit-code";
import { IsYearInRange } from "./calendar";
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

/** Words to search for (1 to 200 characters), with or without diacritics; what is searched is said in `description`. */
export function SearchField(description: string): PropertyDecorator {
  return decorate(Field({ nullable: true, description }), IsOptional(), Length(1, 200, { message: "search must be 1 to 200 characters." }));
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
