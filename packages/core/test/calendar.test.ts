import { currentYear, today } from "../src/calendar";

describe("today in Hà Tĩnh", () => {
  it("turns at midnight in Hà Tĩnh (17:00 UTC), not at midnight UTC", () => {
    expect(today(new Date("2024-07-14T16:59:59Z"))).toBe("2024-07-14");
    expect(today(new Date("2024-07-14T17:00:00Z"))).toBe("2024-07-15");
    expect(today(new Date("2024-07-15T06:59:59+07:00"))).toBe("2024-07-15");
  });

  it("turns the year on Hà Tĩnh's new year's eve at 17:00 UTC", () => {
    expect(currentYear(new Date("2024-12-31T16:59:59Z"))).toBe(2024);
    expect(currentYear(new Date("2024-12-31T17:00:00Z"))).toBe(2025);
    expect(today(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });
});
