/**
 * The gateway's fast check of variables (variablesFit) against graphql-js's own (getVariableValues, which
 * @apollo/gateway runs): for every case, "fits" exactly when graphql-js finds no error, except what it leaves to
 * graphql-js (a @oneOf input), never found to fit.
 */
import { variablesFit } from "@kttt/gateway";
import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from "graphql";

const schema = buildSchema(`
  directive @oneOf on INPUT_OBJECT
  scalar Date
  enum Kind { COOPERATIVE GROUP }
  input Member { fullName: String!, capital: Int = 0, joinedOn: Date }
  input Row { rowNumber: Int, kind: Kind!, name: String!, members: [Member!], tags: [String], score: Float, active: Boolean = true, id: ID }
  input Either @oneOf { a: String, b: Int }
  type Query { ok: Boolean }
  type Mutation {
    load(rows: [Row!]!, dryRun: Boolean!, session: ID, either: Either, limit: Int = 10, nested: [[Int!]]): Boolean
  }
`);
const operation = parse(`
  mutation Load($rows: [Row!]!, $dryRun: Boolean!, $session: ID, $either: Either, $limit: Int = 10, $nested: [[Int!]]) {
    load(rows: $rows, dryRun: $dryRun, session: $session, either: $either, limit: $limit, nested: $nested)
  }
`).definitions[0] as OperationDefinitionNode;
const definitions = operation.variableDefinitions ?? [];

const row = { rowNumber: 3, kind: "COOPERATIVE", name: "Hợp tác xã Sen Vàng", members: [{ fullName: "Nguyễn Văn An", joinedOn: "2020-01-01" }] };
const CASES: [string, Record<string, unknown>, "left to graphql-js"?][] = [
  ["rows and a flag", { rows: [row, { ...row, kind: "GROUP" }], dryRun: false }],
  ["a session, nulls for nullable fields", { rows: [{ ...row, tags: null, score: null, members: null }], dryRun: true, session: "abc" }],
  ["a single row where a list is expected", { rows: row, dryRun: true }],
  ["a list item of a nullable list as a single value", { rows: [{ ...row, tags: "x" }], dryRun: true }],
  ["numbers for Float and ID", { rows: [{ ...row, score: 3, id: 42 }], dryRun: true }],
  ["an integer for Float, a whole float for Int", { rows: [{ ...row, score: 3, rowNumber: 4.0 }], dryRun: true }],
  ["nested lists", { rows: [], dryRun: true, nested: [[1, 2], null, 3] }],
  ["nested lists with a null item", { rows: [], dryRun: true, nested: [[1, null]] }],
  ["no rows", { rows: [], dryRun: false }],
  ["rows missing", { dryRun: false }],
  ["rows null", { rows: null, dryRun: false }],
  ["a null row", { rows: [row, null], dryRun: false }],
  ["dryRun missing", { rows: [row] }],
  ["dryRun as a string", { rows: [row], dryRun: "false" }],
  ["an unknown enum value", { rows: [{ ...row, kind: "cooperative" }], dryRun: true }],
  ["an enum as a number", { rows: [{ ...row, kind: 1 }], dryRun: true }],
  ["a required field missing", { rows: [{ kind: "COOPERATIVE" }], dryRun: true }],
  ["a required field null", { rows: [{ ...row, name: null }], dryRun: true }],
  ["a field the type does not have", { rows: [{ ...row, nam: "x" }], dryRun: true }],
  ["a field named like Object.prototype's", { rows: [{ ...row, toString: "x" }], dryRun: true }],
  ["a row that is an array", { rows: [[row]], dryRun: true }],
  ["a row that is a string", { rows: ["row"], dryRun: true }],
  ["a fraction for Int", { rows: [{ ...row, rowNumber: 2.5 }], dryRun: true }],
  ["an Int beyond 32 bits", { rows: [{ ...row, rowNumber: 2 ** 31 }], dryRun: true }],
  ["a boolean for String", { rows: [{ ...row, name: true }], dryRun: true }],
  ["an object for ID", { rows: [{ ...row, id: {} }], dryRun: true }],
  ["a member without its name", { rows: [{ ...row, members: [{ capital: 1 }] }], dryRun: true }],
  ["a member null in a list of non-null members", { rows: [{ ...row, members: [null] }], dryRun: true }],
  ["any value for a custom scalar", { rows: [{ ...row, members: [{ fullName: "A", joinedOn: { y: 2020 } }] }], dryRun: true }],
  ["a oneOf input with one field", { rows: [], dryRun: true, either: { a: "x" } }, "left to graphql-js"],
  ["a oneOf input with two fields", { rows: [], dryRun: true, either: { a: "x", b: 1 } }],
  ["a defaulted variable given null", { rows: [], dryRun: true, limit: null }],
  ["a variable the operation does not define", { rows: [], dryRun: true, other: 1 }],
];

describe("the gateway's fast check of variables", () => {
  it.each(CASES)("agrees with graphql-js: %s", (_name, inputs, left) => {
    const { errors } = getVariableValues(schema, definitions, inputs);
    expect(variablesFit(schema, definitions, inputs)).toBe(errors === undefined && !left);
  });

  it("finds the variables of a valid batch import fit and a broken one not", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ ...row, rowNumber: i + 2, name: `Hợp tác xã Số ${i}` }));
    expect(variablesFit(schema, definitions, { rows, dryRun: false, session: "s" })).toBe(true);
    rows[4321] = { ...rows[4321], kind: "UNION" };
    expect(variablesFit(schema, definitions, { rows, dryRun: false, session: "s" })).toBe(false);
  });
});
