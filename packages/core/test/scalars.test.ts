import { Kind } from "graphql";
import { bigintTransformer, LocalDateScalar, VndScalar } from "../src/scalars";

describe("VND scalar", () => {
  it("serves whole đồng as a string of digits, exactly beyond 2^53", () => {
    expect(VndScalar.serialize(2002000000n)).toBe("2002000000");
    expect(VndScalar.serialize(9007199254740993n)).toBe("9007199254740993");
    expect(VndScalar.serialize(-75000000n)).toBe("-75000000");
  });

  it("accepts digit strings and safe integers, and refuses fractions, floats past 2^53 and text", () => {
    expect(VndScalar.parseValue("9007199254740993")).toBe(9007199254740993n);
    expect(VndScalar.parseValue(1300000000)).toBe(1300000000n);
    expect(VndScalar.parseLiteral({ kind: Kind.INT, value: "288000000" }, {})).toBe(288000000n);
    expect(() => VndScalar.parseValue(10.5)).toThrow(/whole number of đồng/u);
    expect(() => VndScalar.parseValue(2 ** 60)).toThrow(/whole number of đồng/u);
    expect(() => VndScalar.parseValue("1.3 tỷ")).toThrow(/whole number of đồng/u);
    expect(() => VndScalar.parseValue("99999999999999999999")).toThrow(/out of range/u);
    expect(() => VndScalar.parseLiteral({ kind: Kind.FLOAT, value: "1.5" }, {})).toThrow();
  });

  it("round-trips PostgreSQL bigint strings", () => {
    expect(bigintTransformer.from("1951950000000")).toBe(1951950000000n);
    expect(bigintTransformer.to(1951950000000n)).toBe("1951950000000");
    expect(bigintTransformer.from(null)).toBeNull();
  });
});

describe("LocalDate scalar", () => {
  it("accepts real calendar dates only", () => {
    expect(LocalDateScalar.parseValue("2024-02-29")).toBe("2024-02-29");
    expect(() => LocalDateScalar.parseValue("2023-02-29")).toThrow(/real calendar date/u);
    expect(() => LocalDateScalar.parseValue("15/07/2024")).toThrow(/YYYY-MM-DD/u);
    expect(LocalDateScalar.serialize(new Date("2024-07-15T00:00:00Z"))).toBe("2024-07-15");
  });
});
