import "reflect-metadata";
import {
  ArrayMaxSize,
  IsDefined,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  validate,
  ValidateNested,
  type ValidationArguments,
  type ValidationError,
} from "class-validator";
import { graphql } from "graphql";
import { Arg, Args, ArgsType, buildSchema, Field, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { ReportingPeriodInput } from "../src/reporting";
import { validateArgs, validationFailures } from "../src/validation";

class Member {
  @Length(2, 300, { message: "fullName must be 2 to 300 characters." })
  fullName: string;

  @IsOptional()
  @Min(0)
  share?: number;
}

/** A rule that reads the whole object, as custom validators may. */
function NotBefore(property: string): PropertyDecorator {
  return (target, name) =>
    registerDecorator({
      name: "notBefore",
      target: target.constructor,
      propertyName: String(name),
      constraints: [property],
      options: { message: `$property cannot be before ${property}.` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === "string" && value >= String((args.object as Record<string, unknown>)[args.constraints[0] as string]),
      },
    });
}

class Registration {
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;

  @IsOptional()
  @Matches(/^[0-9]{10}$/u)
  registrationNumber?: string | null;

  @IsOptional()
  @Length(0, 20)
  address?: string;

  @Min(1990)
  @Max(2100)
  year: number;

  foundedOn: string;

  @NotBefore("foundedOn")
  joinedOn: string;

  @Length(1, 5, { each: true })
  tags: string[];

  @ValidateNested({ each: true })
  @ArrayMaxSize(2)
  members: Member[];
}

class WithDefinedRule {
  @Length(1, 10)
  code: string;

  @IsDefined()
  kept: unknown;
}

const member = (fullName: string, share?: number) => Object.assign(new Member(), { fullName, share });
const valid = () =>
  Object.assign(new Registration(), {
    name: "Hợp tác xã Sen Vàng",
    registrationNumber: "3009990011",
    year: 2020,
    foundedOn: "2020-01-01",
    joinedOn: "2020-02-01",
    tags: ["a", "bc"],
    members: [member("Nguyễn Văn An", 10)],
  });

/** What class-validator itself reports, as validationFailures words it: the first message of each field. */
async function classValidator(value: object): Promise<{ field: string; message: string }[]> {
  const walk = (errors: ValidationError[], path: string[]): { field: string; message: string }[] =>
    errors.flatMap((e) =>
      e.constraints ? [{ field: [...path, e.property].join("."), message: Object.values(e.constraints)[0] }] : walk(e.children ?? [], [...path, e.property]),
    );
  return walk(await validate(value, { forbidUnknownValues: false }), []);
}

describe("validationFailures", () => {
  const cases: [string, () => object][] = [
    ["a valid object", valid],
    ["optional fields left out or null", () => Object.assign(valid(), { registrationNumber: null, address: undefined })],
    ["no members", () => Object.assign(valid(), { members: [] })],
    ["a name too short", () => Object.assign(valid(), { name: "X" })],
    ["a missing name", () => Object.assign(valid(), { name: undefined })],
    ["a number of the wrong shape", () => Object.assign(valid(), { registrationNumber: "12" })],
    ["an address too long", () => Object.assign(valid(), { address: "x".repeat(21) })],
    ["a year out of range", () => Object.assign(valid(), { year: 1800 })],
    ["a rule reading another field", () => Object.assign(valid(), { joinedOn: "2019-12-31" })],
    ["one item of a list too long", () => Object.assign(valid(), { tags: ["a", "toolong"] })],
    ["a list too long", () => Object.assign(valid(), { members: [member("An"), member("Bình"), member("Chi")] })],
    ["a nested object breaking a rule", () => Object.assign(valid(), { members: [member("Nguyễn Văn An"), member("X", -1)] })],
    ["a nested value that is not an object", () => Object.assign(valid(), { members: ["Nguyễn Văn An"] })],
    ["a nested list that is null", () => Object.assign(valid(), { members: null })],
    ["a plain object in a nested list", () => Object.assign(valid(), { members: [{ fullName: "X" }] })],
    ["a class with a kind of rule the fast test leaves to class-validator", () => Object.assign(new WithDefinedRule(), { code: "ABC", kept: 1 })],
    ["that class, broken", () => Object.assign(new WithDefinedRule(), { code: "" })],
    ["an object of a class without rules", () => ({ anything: 1 })],
  ];

  it.each(cases)("answers what class-validator answers for %s", async (_name, make) => {
    expect(await validationFailures(make())).toEqual(await classValidator(make()));
  });

  it("finds every broken rule of a batch of rows, however many are valid", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => Object.assign(valid(), { name: i % 250 === 7 ? "X" : `Hợp tác xã Số ${i}` }));
    const failed = (await Promise.all(rows.map((row) => validationFailures(row)))).flatMap((f, i) => f.map((x) => ({ i, ...x })));
    expect(failed).toEqual([7, 257, 507, 757].map((i) => ({ i, field: "name", message: "name must be 3 to 300 characters." })));
  });
});

@InputType()
class SampleNameInput {
  @Field()
  @Length(3, 300, { message: "name must be 3 to 300 characters." })
  name: string;
}

@InputType()
class SampleFilter {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{3}$/u, { message: "unit must be three digits." })
  unit?: string;
}

@ArgsType()
class SampleListArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => SampleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: SampleFilter;
}

@Resolver()
class SampleResolver {
  @Query(() => Int)
  overview(@Arg("period", () => ReportingPeriodInput) period: ReportingPeriodInput): number {
    return period.year;
  }

  @Query(() => Int)
  trend(@Arg("periods", () => [ReportingPeriodInput]) periods: ReportingPeriodInput[]): number {
    return periods.length;
  }

  @Query(() => Int)
  list(@Args(() => SampleListArgs) args: SampleListArgs): number {
    return args.first ?? 0;
  }

  @Mutation(() => String)
  rename(@Arg("input", () => SampleNameInput) input: SampleNameInput): string {
    return input.name;
  }
}

describe("validateArgs in a schema", () => {
  let ask: (source: string) => Promise<{ field: unknown; message: string } | number | string>;
  beforeAll(async () => {
    const schema = await buildSchema({ resolvers: [SampleResolver], validateFn: validateArgs, authChecker: () => true });
    ask = async (source) => {
      const result = await graphql({ schema, source, contextValue: {} });
      const error = result.errors?.[0];
      return error ? { field: error.extensions.field, message: error.message } : (Object.values(result.data!)[0] as number | string);
    };
  });

  it("names the field at fault under the argument that holds it", async () => {
    expect(await ask("{ overview(period: { year: 1800 }) }")).toEqual({ field: "period.year", message: "year must be between 1990 and 2100." });
    expect(await ask("{ trend(periods: [{ year: 2024 }, { year: 2200 }]) }")).toEqual({
      field: "periods.1.year",
      message: "year must be between 1990 and 2100.",
    });
    expect(await ask('mutation { rename(input: { name: "X" }) }')).toEqual({ field: "input.name", message: "name must be 3 to 300 characters." });
    expect(await ask('{ list(first: 5, filter: { unit: "4" }) }')).toEqual({ field: "filter.unit", message: "unit must be three digits." });
  });

  it("lets valid arguments through", async () => {
    expect(await ask("{ overview(period: { year: 2024 }) }")).toBe(2024);
    expect(await ask("{ trend(periods: [{ year: 2024 }, { year: 2025 }]) }")).toBe(2);
    expect(await ask('{ list(first: 5, filter: { unit: "444" }) }')).toBe(5);
  });
});
