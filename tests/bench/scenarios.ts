/**
 * The benchmark's workload: the project's real operations, each in two shapes: `varied` (every
 * request differs, as when many people browse) and `identical` (the same request from every client
 * at once, as when many people open the same dashboard).
 */
import fs from "node:fs";
import path from "node:path";

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

/** What a scenario needs from the graph before it runs: ids to ask about and to write to. */
export interface Fixtures {
  cooperativeIds: string[];
  /**
   * The (cooperative, year) pairs the mix records figures for, each once: years the demo data leaves
   * unreported (it has 2023–2025) and the cooperative had been founded by, the running year first,
   * then earlier years reported late.
   */
  reportSlots: { organizationId: string; year: number }[];
  /** Distinguishes this run's writes (local owners' registration numbers) from an earlier run's. */
  runTag: number;
}

export interface Scenario {
  name: string;
  description: string;
  /** The only subgraph it reads, when it reads one: then it is also run straight on that subgraph. */
  singleSubgraph?: string;
  /** The i-th request of the varied shape. */
  varied(i: number, fixtures: Fixtures): GraphQLBody;
  /** The one request of the identical shape (writes of a mix still vary: a write is never repeated). */
  identical(i: number, fixtures: Fixtures): GraphQLBody;
  /** True when the scenario writes: its requests change the data the reads return. */
  writes?: boolean;
}

const operations = path.resolve(__dirname, "..", "..", "..", "packages", "dashboard", "operations");
const dashboardOperation = (file: string) => fs.readFileSync(path.join(operations, file), "utf8");

/** First-half dates of 2024 for the varied overview: every request a different report date. */
const asOfDate = (i: number) => {
  const day = new Date(Date.UTC(2024, 0, 1 + (i % 180)));
  return day.toISOString().slice(0, 10);
};

const COOPERATIVES_PAGE = /* GraphQL */ `
  query CooperativesPage($first: Int!) {
    cooperatives(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        registrationNumber
        adminUnitCode
        sector
        status
        establishedOn
        dissolvedOn
        address
        version
        kindLabel
        sectorLabel
        representative
        adminUnit {
          code
          name
          kind
          validFrom
          validTo
        }
        allianceMembership {
          joinedOn
          leftOn
          decisionNumber
          isMember
        }
        financialReports {
          year
          charterCapital
          revenue
          profit
          regularWorkers
          averageMonthlyIncome
          managersTotal
          managersTrained
          itReadiness
          version
        }
        financialReport(year: 2024) {
          year
          charterCapital
          revenue
          profit
          regularWorkers
          averageMonthlyIncome
        }
        classifications {
          year
          scheme
          score
          rating
          sizeClass
          notRatedReason
          ratingLabel
          version
        }
        classification(year: 2024) {
          score
          rating
          ratingLabel
        }
        members(first: 3) {
          totalCount
        }
        ocopProducts(first: 3) {
          totalCount
        }
        supportReceived(first: 3) {
          totalCount
        }
        tradeParticipations(first: 3) {
          totalCount
        }
      }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($search: String!) {
    cooperatives(first: 20, filter: { search: $search }) {
      totalCount
      nodes {
        id
        name
        registrationNumber
        sectorLabel
        adminUnit {
          name
        }
      }
    }
  }
`;

/** Searches without diacritics, as people type them. */
const SEARCH_TERMS = [
  "hop tac xa nong nghiep",
  "dich vu",
  "ky anh",
  "huong son",
  "thach ha",
  "can loc",
  "duc tho",
  "vu quang",
  "nghi xuan",
  "cam xuyen",
  "hong linh",
  "loc ha",
  "huong khe",
  "moi truong",
  "van tai",
  "xay dung",
  "quy tin dung",
  "thuong mai",
  "chan nuoi",
  "thuy san",
];

const OCOP_PAGE = /* GraphQL */ `
  query OcopCatalogue($first: Int!, $asOf: LocalDate) {
    ocopProducts(first: $first, filter: { asOf: $asOf }) {
      totalCount
      nodes {
        id
        name
        group
        groupLabel
        subgroup
        adminUnitCode
        ownerType
        ownerTypeLabel
        registeredOn
        status
        stars
        currentCertification {
          decisionNumber
          stars
          level
          decidedOn
          validUntil
        }
      }
    }
  }
`;

const PROFILE = /* GraphQL */ `
  query CooperativeProfile($id: ID!) {
    organization(id: $id) {
      id
      name
      kindLabel
      sectorLabel
      status
      establishedOn
      address
      representative
      adminUnit {
        code
        name
      }
      allianceMembership {
        joinedOn
        isMember
      }
      financialReports {
        year
        charterCapital
        revenue
        profit
        regularWorkers
        averageMonthlyIncome
        managersTotal
        managersTrained
        itReadiness
      }
      classifications {
        year
        score
        rating
        ratingLabel
      }
      members(first: 10) {
        totalCount
        nodes {
          fullName
          membershipType
          capitalContributed
          joinedOn
        }
      }
      ... on Cooperative {
        ocopProducts(first: 10) {
          totalCount
          nodes {
            name
            stars
            status
            currentCertification {
              decisionNumber
              validUntil
            }
          }
        }
        supportReceived(first: 10) {
          totalCount
          nodes {
            support
            plannedAmount
            disbursedAmount
            approvedOn
            programme {
              code
              name
              agency {
                name
              }
            }
          }
        }
        tradeParticipations(first: 10) {
          totalCount
          nodes {
            event {
              name
              startsOn
            }
          }
        }
      }
    }
  }
`;

const RECORD_REPORT = /* GraphQL */ `
  mutation RecordReport($input: RecordFinancialReportInput!) {
    recordFinancialReport(input: $input) {
      year
      revenue
      version
    }
  }
`;

const REGISTER_PRODUCT = /* GraphQL */ `
  mutation RegisterProduct($input: RegisterOcopProductInput!) {
    registerOcopProduct(input: $input) {
      id
      name
    }
  }
`;

/** Units that have existed since before 2024 (for a new local owner's product). */
const UNITS = ["436", "437", "439", "440", "441", "442", "443", "444", "445", "446", "447", "449"];

/**
 * The n-th write of the mix: a year's figures of a cooperative not yet reported, or a new OCOP product. Once every
 * unreported (cooperative, year) pair is written (a fast run on a quiet machine gets there), the mix writes products only.
 */
function write(n: number, fixtures: Fixtures): GraphQLBody {
  const half = Math.floor(n / 2);
  // Each (cooperative, year) is written once: a second report of the same year would be refused (ALREADY_RECORDED).
  const slot = n % 2 === 0 ? fixtures.reportSlots[half] : undefined;
  if (slot) {
    return {
      query: RECORD_REPORT,
      variables: {
        input: {
          organizationId: slot.organizationId,
          year: slot.year,
          charterCapital: "2000000000",
          revenue: String(1_000_000_000 + half),
          profit: "150000000",
          regularWorkers: 9,
          averageMonthlyIncome: "4100000",
          managersTotal: 5,
          managersTrained: 2,
          itReadiness: "SOFTWARE",
        },
      },
    };
  }
  const serial = `${String(fixtures.runTag).padStart(3, "0")}${String(n).padStart(6, "0")}`;
  return {
    query: REGISTER_PRODUCT,
    variables: {
      input: {
        name: `Mật ong thử tải ${fixtures.runTag}-${half}`,
        group: "FOOD",
        subgroup: "Nông sản tươi sống",
        adminUnitCode: UNITS[half % UNITS.length],
        registeredOn: "2024-01-10",
        owner: {
          newLocalOwner: {
            type: "HOUSEHOLD_BUSINESS",
            name: `Hộ kinh doanh thử tải ${serial}`,
            registrationNumber: `8${serial}`,
            adminUnitCode: UNITS[half % UNITS.length],
          },
        },
      },
    },
  };
}

/** One write in ten requests of the mix. */
const WRITE_EVERY = 10;

export const SCENARIOS: Scenario[] = [
  {
    name: "overview",
    description: "the province overview of the dashboard (mid-2024 review, four subgraphs)",
    varied: (i) => ({
      query: dashboardOperation("province-overview.graphql"),
      variables: { period: { year: 2024, half: "H1", asOf: asOfDate(i) }, year: 2024, asOf: asOfDate(i) },
    }),
    identical: () => ({
      query: dashboardOperation("province-overview.graphql"),
      variables: { period: { year: 2024, half: "H1", asOf: "2024-07-15" }, year: 2024, asOf: "2024-07-15" },
    }),
  },
  {
    name: "byUnit",
    description: "the breakdown by district-level unit (four subgraphs)",
    varied: (i) => ({ query: dashboardOperation("district-breakdown.graphql"), variables: { period: { year: 2024, half: "H1", asOf: asOfDate(i) } } }),
    identical: () => ({ query: dashboardOperation("district-breakdown.graphql"), variables: { period: { year: 2024, half: "H1", asOf: "2024-07-15" } } }),
  },
  {
    name: "cooperativesPage",
    description: "a page of 41–60 cooperatives (identical: 50) with unit, Alliance membership, reports, classifications and four counts (four subgraphs)",
    varied: (i) => ({ query: COOPERATIVES_PAGE, variables: { first: 41 + (i % 20) } }),
    identical: () => ({ query: COOPERATIVES_PAGE, variables: { first: 50 } }),
  },
  {
    name: "search",
    description: "20 cooperatives found without diacritics (membership only)",
    singleSubgraph: "membership",
    varied: (i) => ({ query: SEARCH, variables: { search: SEARCH_TERMS[i % SEARCH_TERMS.length] } }),
    identical: () => ({ query: SEARCH, variables: { search: "hop tac xa nong nghiep" } }),
  },
  {
    name: "ocopCatalogue",
    description: "a page of 41–60 OCOP products with their current certificate (ocop only)",
    singleSubgraph: "ocop",
    varied: (i) => ({ query: OCOP_PAGE, variables: { first: 41 + (i % 20), asOf: "2024-07-15" } }),
    identical: () => ({ query: OCOP_PAGE, variables: { first: 50, asOf: "2024-07-15" } }),
  },
  {
    name: "profile",
    description: "one cooperative's full profile across the four subgraphs",
    varied: (i, f) => ({ query: PROFILE, variables: { id: f.cooperativeIds[i % f.cooperativeIds.length] } }),
    identical: (_i, f) => ({ query: PROFILE, variables: { id: f.cooperativeIds[0] } }),
  },
  {
    name: "mix",
    description: `search and profile reads with one write in ${WRITE_EVERY} (a year's figures, a new OCOP product)`,
    writes: true,
    varied: (i, f) =>
      i % WRITE_EVERY === WRITE_EVERY - 1
        ? write(Math.floor(i / WRITE_EVERY), f)
        : i % 2
          ? { query: SEARCH, variables: { search: SEARCH_TERMS[i % SEARCH_TERMS.length] } }
          : { query: PROFILE, variables: { id: f.cooperativeIds[i % f.cooperativeIds.length] } },
    identical: (i, f) =>
      i % WRITE_EVERY === WRITE_EVERY - 1 ? write(Math.floor(i / WRITE_EVERY), f) : { query: PROFILE, variables: { id: f.cooperativeIds[0] } },
  },
];
