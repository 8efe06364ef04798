/** The argument path of a value in a document (packages/core/src/field-at-fault.ts), which names the field at fault of a validation error. */
import { Kind, parse, visit, type ASTNode, type DocumentNode } from "graphql";
import { argumentPathOf, variableFieldOf } from "../src/field-at-fault";

/** The first node of `document` that `pick` chooses. */
function nodeOf(document: DocumentNode, pick: (node: ASTNode) => boolean): ASTNode {
  let found: ASTNode | undefined;
  visit(document, {
    enter(node) {
      if (!found && pick(node)) found = node;
    },
  });
  if (!found) throw new Error("no such node");
  return found;
}

const value = (text: string) => (node: ASTNode) => (node.kind === Kind.STRING || node.kind === Kind.ENUM || node.kind === Kind.INT) && node.value === text;

describe("argumentPathOf", () => {
  const document = parse(/* GraphQL */ `
    query Overview($asOf: LocalDate = "2024-07-15") {
      collectiveEconomy(period: { year: 2024, half: FIRST, asOf: $asOf }) {
        period {
          label
        }
      }
      cooperatives(first: 5, filter: { adminUnitCode: "44x" }) {
        nodes {
          members(first: 7) @include(if: true) {
            totalCount
          }
        }
      }
      collectiveEconomyTrend(periods: [{ year: 2024 }, { year: 1800, asOf: "2024-02-30" }]) {
        period {
          label
        }
      }
      registerOrganization(input: { name: "X", members: [{ fullName: "A" }, { fullName: "B", kind: PERSONX }] }) {
        id
      }
    }
  `);

  it("follows the argument, its input object fields and list positions", () => {
    expect(argumentPathOf(document, nodeOf(document, value("FIRST")))).toBe("period.half");
    expect(argumentPathOf(document, nodeOf(document, value("44x")))).toBe("filter.adminUnitCode");
    expect(argumentPathOf(document, nodeOf(document, value("1800")))).toBe("periods.1.year");
    expect(argumentPathOf(document, nodeOf(document, value("2024-02-30")))).toBe("periods.1.asOf");
    expect(argumentPathOf(document, nodeOf(document, value("PERSONX")))).toBe("input.members.1.kind");
  });

  it("names an object or an argument itself, and starts anew at a nested field", () => {
    const members = nodeOf(document, (n) => n.kind === Kind.OBJECT && n.fields.some((f) => f.name.value === "kind"));
    expect(argumentPathOf(document, members)).toBe("input.members.1");
    const first = nodeOf(document, (n) => n.kind === Kind.ARGUMENT && n.name.value === "first" && n.value.kind === Kind.INT && n.value.value === "7");
    expect(argumentPathOf(document, first)).toBe("first");
    expect(
      argumentPathOf(
        document,
        nodeOf(document, (n) => n.kind === Kind.BOOLEAN),
      ),
    ).toBe("if");
  });

  it("answers null outside arguments", () => {
    expect(argumentPathOf(document, nodeOf(document, value("2024-07-15")))).toBeNull();
    expect(
      argumentPathOf(
        document,
        nodeOf(document, (n) => n.kind === Kind.FIELD && n.name.value === "label"),
      ),
    ).toBeNull();
    expect(argumentPathOf(document, parse("{ a }").definitions[0])).toBeNull();
  });
});

describe("variableFieldOf", () => {
  const document = parse(/* GraphQL */ `
    query Page($p: ReportingPeriodInput!, $d: LocalDate, $i: RegisterOrganizationInput!, $unused: Int) {
      collectiveEconomy(period: $p) {
        period {
          label
        }
      }
      cooperatives(first: 1, filter: { adminUnitCode: "444", adminUnitAsOf: $d }) {
        totalCount
      }
      registerOrganization(input: $i) {
        id
      }
    }
  `);

  it("puts graphql-js's place inside the value under the argument that takes the variable", () => {
    expect(variableFieldOf(document, "p", 'Variable "$p" got invalid value "FIRST" at "p.half"; Value "FIRST" does not exist in "Half" enum.')).toBe(
      "period.half",
    );
    expect(variableFieldOf(document, "p", 'Variable "$p" of required type "ReportingPeriodInput!" was not provided.')).toBe("period");
    expect(variableFieldOf(document, "d", 'Variable "$d" got invalid value "2024-02-30"; A date must be a real calendar date.')).toBe("filter.adminUnitAsOf");
    const nested = 'Variable "$i" got invalid value { fullName: "A at \\"i.x\\"" } at "i.members[0].kind"; Expected type "MemberKind".';
    expect(variableFieldOf(document, "i", nested)).toBe("input.members.0.kind");
  });

  it("answers null for a variable no argument uses", () => {
    expect(variableFieldOf(document, "unused", 'Variable "$unused" got invalid value "x"; Int cannot represent a non-integer value: "x"')).toBeNull();
  });
});
