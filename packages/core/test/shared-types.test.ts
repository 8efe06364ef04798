import "reflect-metadata";
import { validate } from "class-validator";
import { printType, type GraphQLObjectType } from "graphql";
import { Args, ArgsType, buildSchema, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { describedEnum, type EnumValue } from "../src/enums";
import { IntRangeInput, OptionalRangeInput, OptionalRegistrationNumberInput, RegistrationNumberInput, SortedListArgs, YearInput } from "../src/input-fields";
import { StatisticsGroupOf, StatisticsOf } from "../src/statistics";
import { FieldOf } from "../src/stored-fields";

@InputType()
class SampleInput {
  @IntRangeInput(0, 40, "Part A.")
  scoreA: number;

  @OptionalRangeInput(3, 5, "Stars.", { message: "stars must be 3, 4 or 5." })
  stars?: number;

  @OptionalRangeInput(0, 100, "Score.", { decimal: true })
  score?: number;

  @RegistrationNumberInput("Tax number.")
  registrationNumber: string;

  @OptionalRegistrationNumberInput("Branch number.")
  branchNumber?: string;

  @YearInput("Year.")
  year: number;
}

const valid = (): SampleInput => Object.assign(new SampleInput(), { scoreA: 40, registrationNumber: "3001234567", year: 2024 });

async function messages(input: SampleInput): Promise<string[]> {
  return (await validate(input)).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe("shared input fields", () => {
  it("accepts values inside the ranges and a well-formed registration number", async () => {
    expect(await messages(Object.assign(valid(), { stars: 5, score: 99.5, branchNumber: "3001234567-001" }))).toEqual([]);
  });

  it("names the property and the range in the message, or says what the field gave", async () => {
    expect(await messages(Object.assign(valid(), { scoreA: 41 }))).toEqual(["scoreA must be between 0 and 40."]);
    expect(await messages(Object.assign(valid(), { stars: 2 }))).toEqual(["stars must be 3, 4 or 5."]);
    expect(await messages(Object.assign(valid(), { score: -0.5 }))).toEqual(["score must be between 0 and 100."]);
    expect(await messages(Object.assign(valid(), { registrationNumber: "30012" }))).toEqual([
      "registrationNumber must be 10 digits, optionally followed by - and 3 digits (e.g. 3001234567).",
    ]);
    expect(await messages(Object.assign(valid(), { branchNumber: "3001234567-1" }))).toEqual([
      "branchNumber must be 10 digits, optionally followed by - and 3 digits (e.g. 3001234567).",
    ]);
    expect(await messages(Object.assign(valid(), { year: 1800 }))).toHaveLength(1);
  });
});

const SampleOrder = describedEnum("SampleOrder", "Sort order.", { NAME_ASC: "By name, A to Z.", NAME_DESC: "By name, Z to A." });
type SampleOrder = EnumValue<typeof SampleOrder>;
const SampleGroupBy = describedEnum("SampleGroupBy", "Breakdown.", { KIND: "By kind." });

@InputType()
class SampleFilter {
  @FieldOf.text("Words.", { nullable: true })
  search?: string;
}

@ArgsType()
class SampleListArgs extends SortedListArgs(() => SampleFilter, "Conditions.", SampleOrder, SampleOrder.NAME_DESC) {}

@ObjectType()
class SampleFigures {
  @FieldOf.int("Count.")
  count: number;
}

@ObjectType()
class SampleUnit {
  @FieldOf.text("Code.")
  code: string;
}

@ObjectType()
class SampleGroup extends StatisticsGroupOf(SampleFigures, "Key.", SampleUnit) {}

@ObjectType()
class SampleStatistics extends StatisticsOf(SampleFigures, SampleGroup, SampleGroupBy, { year: "Year.", groups: "Groups." }) {}

@Resolver()
class SampleResolver {
  @Query(() => SampleStatistics)
  sampleStatistics(@Args() args: SampleListArgs): SampleStatistics {
    return Object.assign(new SampleStatistics(), { year: 2024, groupBy: null, unitMapDate: null, total: { count: args.first ?? 0 }, groups: [] });
  }
}

describe("shared list arguments and statistics types", () => {
  it("gives the sort order after the paging arguments and the filter, and the shared fields in their order", async () => {
    const schema = await buildSchema({ resolvers: [SampleResolver], validate: false, authChecker: () => true });
    const query = schema.getQueryType()!.getFields().sampleStatistics;
    expect(query.args.map((arg) => arg.name)).toEqual(["first", "after", "last", "before", "filter", "orderBy"]);
    expect(query.args.find((arg) => arg.name === "orderBy")!.defaultValue).toBe("NAME_DESC");
    expect(Object.keys((schema.getType("SampleStatistics") as GraphQLObjectType).getFields())).toEqual(["year", "groupBy", "unitMapDate", "total", "groups"]);
    expect(printType(schema.getType("SampleGroup")!)).toContain("adminUnit: SampleUnit\n");
    expect(Object.keys((schema.getType("SampleGroup") as GraphQLObjectType).getFields())).toEqual(["key", "label", "adminUnit", "figures"]);
  });
});
