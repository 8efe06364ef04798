import { QueryFailedError, QueryRunnerAlreadyReleasedError } from "typeorm";
import { isDatabaseUnavailable } from "../src/http";

describe("isDatabaseUnavailable", () => {
  it("recognises the shapes a database outage takes, with the libraries' own errors", () => {
    // TypeORM, when a transaction's connection died and the rollback or next statement finds it released.
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    // PostgreSQL shutting down (57P01) or refusing connections while starting (57P03), as TypeORM wraps them.
    for (const code of ["57P01", "57P03", "08006"]) {
      expect(
        isDatabaseUnavailable(new QueryFailedError("SELECT 1", [], Object.assign(new Error("terminating connection due to administrator command"), { code }))),
      ).toBe(true);
    }
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(
      isDatabaseUnavailable(
        new QueryFailedError("INSERT …", [], Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
