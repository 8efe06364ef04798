/** Decree 113/2024's size class where its thresholds are known, NOT_DETERMINED where they are not (domain/classification.ts). */
import { sizeClassUnderDecree113 } from "../src/domain/classification";
import { Sector, SizeClass } from "../src/domain/enums";

const BN = 1_000_000_000n;
const size = (sector: Sector, officialMembers: number, revenue: bigint | null, totalCapital: bigint | null = null) =>
  sizeClassUnderDecree113({ sector, officialMembers, revenue, totalCapital });

describe("size class under Decree 113/2024", () => {
  it("classes agriculture by official members and revenue or total capital, at the thresholds' edges", () => {
    expect(size(Sector.AGRICULTURE, 300, 50n * BN)).toBe(SizeClass.LARGE);
    expect(size(Sector.AGRICULTURE, 300, 1n, 10n * BN)).toBe(SizeClass.LARGE);
    expect(size(Sector.AGRICULTURE, 299, 50n * BN)).toBe(SizeClass.MEDIUM);
    expect(size(Sector.AGRICULTURE, 200, 10n * BN - 1n, 5n * BN - 1n)).toBe(SizeClass.SMALL);
    expect(size(Sector.AGRICULTURE, 50, 2n * BN)).toBe(SizeClass.SMALL);
    expect(size(Sector.AGRICULTURE, 50, 2n * BN - 1n, 1n * BN - 1n)).toBe(SizeClass.MICRO);
    expect(size(Sector.AGRICULTURE, 49, 900n * BN)).toBe(SizeClass.MICRO);
    // Under 50 members nothing else matters: micro even with no figures.
    expect(size(Sector.AGRICULTURE, 12, null)).toBe(SizeClass.MICRO);
  });

  it("cannot tell when the figure that would decide is missing", () => {
    // 60 members and revenue under 2 bn: total capital (not recorded) could still make it small.
    expect(size(Sector.AGRICULTURE, 60, 1n * BN)).toBe(SizeClass.NOT_DETERMINED);
    expect(size(Sector.AGRICULTURE, 60, null)).toBe(SizeClass.NOT_DETERMINED);
    expect(size(Sector.AGRICULTURE, 320, 20n * BN)).toBe(SizeClass.NOT_DETERMINED);
  });

  it("knows only 'large' in industry–construction and nothing in the other fields", () => {
    expect(size(Sector.CONSTRUCTION, 100, 80n * BN)).toBe(SizeClass.LARGE);
    expect(size(Sector.INDUSTRY_HANDICRAFT, 100, 1n, 20n * BN)).toBe(SizeClass.LARGE);
    expect(size(Sector.INDUSTRY_HANDICRAFT, 99, 900n * BN)).toBe(SizeClass.NOT_DETERMINED);
    expect(size(Sector.INDUSTRY_HANDICRAFT, 10, 1n, 1n)).toBe(SizeClass.NOT_DETERMINED);
    for (const sector of [Sector.TRADE_SERVICES, Sector.TRANSPORT, Sector.ENVIRONMENT, Sector.PEOPLES_CREDIT_FUND]) {
      expect(size(sector, 1000, 1000n * BN, 1000n * BN)).toBe(SizeClass.NOT_DETERMINED);
      expect(size(sector, 5, 1n, 1n)).toBe(SizeClass.NOT_DETERMINED);
    }
  });
});
