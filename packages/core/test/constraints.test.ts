import { QueryFailedError } from "typeorm";
import { constraintError, constraintViolation } from "../src/constraints";
import { conflict, DomainError } from "../src/errors";

/** A violation as TypeORM wraps pg's DatabaseError. */
const violation = (code: string, constraint: string) =>
  new QueryFailedError(
    "INSERT …",
    [],
    Object.assign(new Error(`violates constraint "${constraint}"`), { code, constraint, detail: "Key (x)=(1) already exists." }),
  );

describe("constraint errors", () => {
  const mapping = {
    thing_code_key: () => conflict("Code taken.", "input.code", "DUPLICATE_CODE"),
    thing_name_key: () => conflict("Name taken.", "input.name", "DUPLICATE_NAME"),
  };

  it("gives each constraint its own error, by name", () => {
    expect((constraintError(violation("23505", "thing_code_key"), mapping) as DomainError).extensions).toMatchObject({
      code: "CONFLICT",
      field: "input.code",
      reason: "DUPLICATE_CODE",
    });
    expect((constraintError(violation("23505", "thing_name_key"), mapping) as DomainError).extensions).toMatchObject({
      code: "CONFLICT",
      field: "input.name",
      reason: "DUPLICATE_NAME",
    });
  });

  it("answers a unique violation no write named with a CONFLICT naming the constraint, never another constraint's message", () => {
    const error = constraintError(violation("23505", "thing_other_key"), mapping) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.extensions).toMatchObject({ code: "CONFLICT", reason: "CONSTRAINT_VIOLATED", details: { constraint: "thing_other_key" } });
    expect(error.message).toContain("thing_other_key");
  });

  it("leaves alone an unnamed CHECK violation (a rule the checks missed) and every other error", () => {
    const check = violation("23514", "thing_amount_check");
    expect(constraintError(check, mapping)).toBe(check);
    const other = new Error("connection reset");
    expect(constraintError(other, mapping)).toBe(other);
    expect(constraintViolation(new QueryFailedError("SELECT 1", [], Object.assign(new Error("syntax"), { code: "42601" })))).toBeNull();
  });
});
