/**
 * The membership writes. Each runs in one transaction, checks the rules a person would check at
 * the registry desk, and answers with a DomainError naming the field at fault; the database's
 * constraints back every rule, so a race cannot slip a bad row past the checks.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  currentYear,
  loadById,
  notFound,
  recordedWrite,
  requireNotInFuture,
  today,
  versionConflict,
  requireId,
  findById,
} from "@kttt/core";
import { randomUUID } from "node:crypto";
import { placementOn } from "@kttt/reference";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import {
  ClassificationScheme,
  KIND_LABEL,
  MembershipType,
  MemberKind,
  MIN_OFFICIAL_MEMBERS,
  OrganizationKind,
  OrganizationStatus,
  Rating,
  RATING_BAND,
  RATING_LABEL,
  ratingForScore,
  SECTOR_LABEL,
  SIZE_CLASS_LABEL,
  SizeClass,
} from "../domain/enums";
import {
  CIRCULAR_01_2020_REPEALED_BY,
  CIRCULAR_01_2020_REPEALED_FROM,
  DECREE_113_2024_IN_FORCE_FROM,
  DECREE_113_KNOWN,
  sizeClassUnderDecree113,
} from "../domain/classification";
import { AllianceMembership } from "../entities/alliance-membership";
import { Classification } from "../entities/classification";
import { FinancialReport } from "../entities/financial-report";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import type {
  AddMemberInput,
  DissolveOrganizationInput,
  EndMembershipInput,
  NewMemberInput,
  RecordClassificationInput,
  RecordFinancialReportInput,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from "../types/inputs";

/** Loads an organisation and locks its row for the rest of the transaction. */
function lockOrganization(manager: EntityManager, id: string, field: string): Promise<Organization> {
  return findById(manager, Organization, id, field, "Organisation", true);
}

/**
 * Where an organisation registered in unit `code` on `date` lies: the unit must bear the code then (one that had
 * ended is refused, naming what replaced it); a commune is recorded with the date, and before 2025-07-01 its
 * district is the unit of registration.
 */
/** Where the organisation lies: the one rule of every subgraph (@kttt/reference). */
const placement = (code: string, date: string, field: string): Pick<Organization, "adminUnitCode" | "communeId" | "communeSince"> =>
  placementOn(code, date, field);

function requireMoney(value: bigint, field: string, what: string): void {
  if (value < 0n) throw badInput(`${what} cannot be negative.`, field, "NEGATIVE_AMOUNT");
}

/** A registration number taken, or a member organisation added, by a write committed meanwhile. */
const registrationNumberTaken = (number: string | null | undefined) => () =>
  conflict(`Registration number ${number} is already registered.`, "input.registrationNumber", "DUPLICATE_REGISTRATION_NUMBER");
const alreadyMember = (field: string) => () => conflict("That organisation is already a member.", field, "ALREADY_MEMBER");

/**
 * Where the registry checks find organisations by registration number: the database one record at a
 * time for a single write, or a map read in one statement for a batch import.
 */
export interface RegistryLookups {
  byRegistrationNumber(number: string): Promise<Organization | null>;
}

export const databaseLookups = (manager: EntityManager): RegistryLookups => ({
  byRegistrationNumber: (number) => manager.getRepository(Organization).findOneBy({ registrationNumber: number }),
});

async function checkRegistrationNumber(
  lookups: RegistryLookups,
  kind: OrganizationKind,
  number: string | null,
  exceptId: string | null,
  field: string,
): Promise<void> {
  if (kind === OrganizationKind.COOPERATIVE_GROUP && number) {
    throw badInput("A cooperative group (THT) has no registration number: it works under a cooperation contract.", field, "GROUP_HAS_NO_REGISTRATION");
  }
  if (kind !== OrganizationKind.COOPERATIVE_GROUP && !number) {
    throw badInput(`A ${KIND_LABEL[kind].toLowerCase()} needs its registration number.`, field, "REGISTRATION_NUMBER_REQUIRED");
  }
  if (!number) return;
  const other = await lookups.byRegistrationNumber(number);
  if (other && other.id !== exceptId) {
    throw conflict(`Registration number ${number} already belongs to ${other.name}.`, field, "DUPLICATE_REGISTRATION_NUMBER", { organizationId: other.id });
  }
}

export function requireMinimumMembers(kind: OrganizationKind, officialCount: number, field: string): void {
  const minimum = MIN_OFFICIAL_MEMBERS[kind];
  if (officialCount < minimum) {
    throw badInput(
      `An active ${KIND_LABEL[kind].toLowerCase()} needs at least ${minimum} official members; it would have ${officialCount}. ` +
        "Add official members, or record it as SUSPENDED.",
      field,
      "BELOW_MINIMUM_MEMBERS",
      { minimum, official: officialCount },
    );
  }
}

/**
 * The checks of one member of an organisation (registerOrganization, addMember, importOrganizations, importMembers);
 * `findOrganization` reads a member organisation (the database by default, a map read in one statement for a batch).
 */
export async function checkMember(
  manager: EntityManager,
  org: { kind: OrganizationKind; establishedOn: string; id?: string },
  m: NewMemberInput,
  field: string,
  findOrganization: (id: string) => Promise<Organization | null> = (id) => manager.getRepository(Organization).findOneBy({ id }),
): Promise<void> {
  requireMoney(m.capitalContributed, `${field}.capitalContributed`, "Capital contributed");
  if (m.membershipType === MembershipType.ASSOCIATE_WITHOUT_CAPITAL && m.capitalContributed !== 0n) {
    throw badInput(
      "An associate member without capital contributes no capital: set capitalContributed to 0.",
      `${field}.capitalContributed`,
      "CAPITAL_NOT_ALLOWED",
    );
  }
  if (m.joinedOn < org.establishedOn) {
    throw badInput(
      `A member cannot join (${m.joinedOn}) before the organisation was established (${org.establishedOn}).`,
      `${field}.joinedOn`,
      "JOINED_BEFORE_ESTABLISHMENT",
    );
  }
  requireNotInFuture(m.joinedOn, `${field}.joinedOn`, "The joining date");
  if (org.kind === OrganizationKind.COOPERATIVE_UNION && m.membershipType === MembershipType.OFFICIAL && !m.memberOrganizationId) {
    throw badInput(
      "An official member of a union must be a cooperative: give memberOrganizationId.",
      `${field}.memberOrganizationId`,
      "UNION_MEMBER_MUST_BE_COOPERATIVE",
    );
  }
  if (m.memberOrganizationId) {
    requireId(m.memberOrganizationId, `${field}.memberOrganizationId`, "Member organisation");
    if (m.kind !== MemberKind.LEGAL_ENTITY) {
      throw badInput("Only a LEGAL_ENTITY member can be an organisation.", `${field}.kind`, "MEMBER_KIND_MISMATCH");
    }
    const other = await findOrganization(m.memberOrganizationId);
    if (!other) throw notFound(`No organisation has the id ${m.memberOrganizationId}.`, `${field}.memberOrganizationId`);
    if (other.id === org.id) throw badInput("An organisation cannot be its own member.", `${field}.memberOrganizationId`, "SELF_MEMBERSHIP");
    if (org.kind === OrganizationKind.COOPERATIVE_UNION && other.kind !== OrganizationKind.COOPERATIVE) {
      throw badInput(
        `${other.name} is not a cooperative; a union's members are cooperatives.`,
        `${field}.memberOrganizationId`,
        "UNION_MEMBER_MUST_BE_COOPERATIVE",
      );
    }
    if (other.status === OrganizationStatus.DISSOLVED) {
      throw badInput(`${other.name} is dissolved and cannot join.`, `${field}.memberOrganizationId`, "MEMBER_DISSOLVED");
    }
  }
}

/** A member as inserted (registerOrganization, addMember, importOrganizations). */
export function memberRow(organizationId: string, m: NewMemberInput): Member {
  return Object.assign(new Member(), {
    id: randomUUID(),
    organizationId,
    kind: m.kind,
    membershipType: m.membershipType,
    fullName: cleanText(m.fullName),
    memberOrganizationId: m.memberOrganizationId ?? null,
    capitalContributed: m.capitalContributed,
    joinedOn: m.joinedOn,
    leftOn: null,
    version: 1,
  });
}

/**
 * The checks of a registration (registerOrganization and each new row of importOrganizations):
 * the organisation as it would be inserted, or the first rule it breaks.
 */
export async function checkRegistration(lookups: RegistryLookups, manager: EntityManager, input: RegisterOrganizationInput): Promise<Organization> {
  const name = cleanText(input.name);
  const registrationNumber = cleanOptionalText(input.registrationNumber);
  requireNotInFuture(input.establishedOn, "input.establishedOn", "The establishment date");
  if (input.status === OrganizationStatus.DISSOLVED) {
    throw badInput("A new organisation cannot be registered as dissolved.", "input.status", "INVALID_STATUS");
  }
  const place = placement(input.adminUnitCode, input.establishedOn, "input.adminUnitCode");
  await checkRegistrationNumber(lookups, input.kind, registrationNumber, null, "input.registrationNumber");
  const id = randomUUID();
  const memberOrganizations = new Set<string>();
  for (const [i, m] of input.members.entries()) {
    await checkMember(manager, { kind: input.kind, establishedOn: input.establishedOn, id }, m, `input.members.${i}`);
    if (!m.memberOrganizationId) continue;
    if (memberOrganizations.has(m.memberOrganizationId))
      throw conflict("That organisation is already a member: it is named twice.", `input.members.${i}.memberOrganizationId`, "ALREADY_MEMBER");
    memberOrganizations.add(m.memberOrganizationId);
  }
  if (input.status === OrganizationStatus.ACTIVE) {
    requireMinimumMembers(input.kind, input.members.filter((m) => m.membershipType === MembershipType.OFFICIAL).length, "input.members");
  }
  return Object.assign(Object.create(Organization.prototype) as Organization, {
    id,
    kind: input.kind,
    name,
    registrationNumber,
    ...place,
    sector: input.sector,
    status: input.status,
    establishedOn: input.establishedOn,
    dissolvedOn: null,
    address: cleanOptionalText(input.address),
    representative: cleanOptionalText(input.representative),
    version: 1,
  });
}

/**
 * The checks of a change to an organisation's details (updateOrganization and each changed row of
 * importOrganizations): the columns to set, or the first rule the change breaks.
 */
export async function checkChanges(
  lookups: RegistryLookups,
  org: Organization,
  input: Omit<UpdateOrganizationInput, "id" | "version" | "idempotencyKey">,
  officialCount: () => Promise<number>,
): Promise<Partial<Organization>> {
  if (org.status === OrganizationStatus.DISSOLVED) {
    throw badInput(`${org.name} is dissolved; its record can no longer be changed.`, "input.id", "ORGANIZATION_DISSOLVED");
  }
  const changes: Partial<Organization> = {};
  if (input.name != null) changes.name = cleanText(input.name);
  if (input.registrationNumber != null) {
    const number = cleanText(input.registrationNumber);
    await checkRegistrationNumber(lookups, org.kind, number, org.id, "input.registrationNumber");
    changes.registrationNumber = number;
  }
  if (input.adminUnitCode != null) Object.assign(changes, placement(input.adminUnitCode, today(), "input.adminUnitCode"));
  if (input.sector != null) changes.sector = input.sector;
  if (input.address != null) changes.address = cleanOptionalText(input.address);
  if (input.representative != null) changes.representative = cleanOptionalText(input.representative);
  if (input.status != null && input.status !== org.status) {
    if (input.status === OrganizationStatus.DISSOLVED) {
      throw badInput("Use dissolveOrganization to dissolve an organisation.", "input.status", "INVALID_STATUS");
    }
    if (input.status === OrganizationStatus.ACTIVE) requireMinimumMembers(org.kind, await officialCount(), "input.status");
    changes.status = input.status;
  }
  return changes;
}

/** A field that belongs to another rule set than the one asked for. */
function requireAbsent(value: unknown, field: string, scheme: ClassificationScheme): void {
  if (value != null) throw badInput(`${field.replace("input.", "")} does not apply under ${scheme}.`, field, "NOT_IN_SCHEME", { scheme });
}

/**
 * The columns of a classification, by the rule set that applies on its assessment date (domain/classification.ts):
 * the Circular 01/2020 rating before its repeal, the Decree 113/2024 size class from its entry into force, or a
 * scheme the Alliance names; the first rule the input breaks otherwise.
 */
async function classificationValues(
  manager: EntityManager,
  org: Organization,
  input: RecordClassificationInput,
): Promise<Omit<Classification, "organizationId" | "year" | "scheme" | "version" | "illustrative" | "ratingLabel" | "sizeClassLabel">> {
  const base = {
    assessedOn: input.assessedOn,
    schemeName: null,
    score: input.score ?? null,
    rating: null,
    grade: null,
    sizeClass: null,
    notRatedReason: cleanOptionalText(input.notRatedReason),
  };
  switch (input.scheme) {
    case ClassificationScheme.CIRCULAR_01_2020: {
      requireAbsent(input.schemeName, "input.schemeName", input.scheme);
      requireAbsent(input.grade, "input.grade", input.scheme);
      requireAbsent(input.sizeClass, "input.sizeClass", input.scheme);
      if (input.rating == null) throw badInput("A Circular 01/2020 classification needs its rating.", "input.rating", "RATING_REQUIRED");
      return { ...base, rating: input.rating };
    }
    case ClassificationScheme.DECREE_113_2024: {
      if (input.assessedOn < DECREE_113_2024_IN_FORCE_FROM) {
        throw badInput(
          `Decree 113/2024/NĐ-CP is in force from ${DECREE_113_2024_IN_FORCE_FROM}: an assessment dated ${input.assessedOn} cannot give a size class under it.`,
          "input.scheme",
          "SCHEME_NOT_IN_FORCE",
          { inForceFrom: DECREE_113_2024_IN_FORCE_FROM },
        );
      }
      for (const field of ["rating", "score", "schemeName", "grade", "notRatedReason"] as const) requireAbsent(input[field], `input.${field}`, input.scheme);
      const report = await manager.getRepository(FinancialReport).findOneBy({ organizationId: org.id, year: input.year });
      const officialMembers = await manager
        .getRepository(Member)
        .createQueryBuilder("m")
        .where("m.organization_id = :id AND m.membership_type = 'OFFICIAL' AND m.joined_on <= :on AND (m.left_on IS NULL OR m.left_on >= :on)", {
          id: org.id,
          on: input.assessedOn,
        })
        .getCount();
      const sizeClass =
        org.kind === OrganizationKind.COOPERATIVE
          ? sizeClassUnderDecree113({ sector: org.sector, officialMembers, revenue: report?.revenue ?? null, totalCapital: null })
          : SizeClass.NOT_DETERMINED; // the thresholds for unions were not found
      if (input.sizeClass != null && input.sizeClass !== sizeClass) {
        throw badInput(
          `Under Decree 113/2024/NĐ-CP ${org.name} (${SECTOR_LABEL[org.sector]}, ${officialMembers} official members on ${input.assessedOn}, ` +
            `${report ? `revenue ${report.revenue} đ in ${input.year}` : `no figures recorded for ${input.year}`}) is ${SIZE_CLASS_LABEL[sizeClass]}, not ${SIZE_CLASS_LABEL[input.sizeClass]}. ${DECREE_113_KNOWN}`,
          "input.sizeClass",
          "SIZE_CLASS_MISMATCH",
          { expectedSizeClass: sizeClass, officialMembers },
        );
      }
      return { ...base, score: null, notRatedReason: null, sizeClass };
    }
    case ClassificationScheme.ALLIANCE: {
      requireAbsent(input.rating, "input.rating", input.scheme);
      requireAbsent(input.sizeClass, "input.sizeClass", input.scheme);
      const schemeName = cleanOptionalText(input.schemeName);
      if (!schemeName) throw badInput("Name the Alliance's scheme the assessment follows.", "input.schemeName", "SCHEME_NAME_REQUIRED");
      return { ...base, schemeName, grade: cleanOptionalText(input.grade) };
    }
  }
}

/** The checks of a year's figures (recordFinancialReport, importFinancialReports). */
export function checkFinancialReport(org: Organization, input: Omit<RecordFinancialReportInput, "organizationId" | "version" | "idempotencyKey">): void {
  requireMoney(input.charterCapital, "input.charterCapital", "Charter capital");
  requireMoney(input.revenue, "input.revenue", "Revenue");
  requireMoney(input.averageMonthlyIncome, "input.averageMonthlyIncome", "Average monthly income");
  if (input.profit > input.revenue) {
    throw badInput(`Profit (${input.profit} đ) cannot be larger than revenue (${input.revenue} đ).`, "input.profit", "PROFIT_EXCEEDS_REVENUE");
  }
  if (input.managersTrained > input.managersTotal) {
    throw badInput(
      `Trained managers (${input.managersTrained}) cannot outnumber managers (${input.managersTotal}).`,
      "input.managersTrained",
      "TRAINED_EXCEEDS_TOTAL",
    );
  }
  if (input.regularWorkers === 0 && input.averageMonthlyIncome !== 0n) {
    throw badInput(
      "With no regular workers there is no average worker income: set averageMonthlyIncome to 0.",
      "input.averageMonthlyIncome",
      "INCOME_WITHOUT_WORKERS",
    );
  }
  const thisYear = currentYear();
  const foundedYear = Number(org.establishedOn.slice(0, 4));
  if (input.year > thisYear || input.year < foundedYear) {
    throw badInput(`The year must be between ${foundedYear} (establishment) and ${thisYear}.`, "input.year", "YEAR_OUT_OF_RANGE");
  }
}

/**
 * The checks of a year's classification that need no other record (recordClassification, importClassifications): groups
 * are not rated; the year and the assessment date; and, under Circular 01/2020, a rating only before its repeal and the
 * one its score earns.
 */
export function checkClassification(
  org: Organization,
  input: {
    year: number;
    scheme: ClassificationScheme;
    assessedOn?: string | null;
    score?: number | null;
    rating?: Rating | null;
    notRatedReason?: string | null;
  },
): void {
  if (org.kind === OrganizationKind.COOPERATIVE_GROUP) {
    throw badInput("Cooperative groups (THT) are not rated; classifications apply to cooperatives and unions.", "input.organizationId", "GROUP_NOT_RATED");
  }
  const thisYear = currentYear();
  if (input.year > thisYear) throw badInput(`A classification cannot be recorded for a future year (${input.year}).`, "input.year", "YEAR_OUT_OF_RANGE");
  if (input.assessedOn != null) {
    requireNotInFuture(input.assessedOn, "input.assessedOn", "The assessment date");
    if (input.assessedOn < `${input.year}-01-01`) {
      throw badInput(`An assessment of ${input.year} cannot be dated before the year began (${input.assessedOn}).`, "input.assessedOn", "ASSESSED_BEFORE_YEAR");
    }
  }
  if (input.scheme !== ClassificationScheme.CIRCULAR_01_2020) return;
  if (input.assessedOn != null && input.assessedOn >= CIRCULAR_01_2020_REPEALED_FROM) {
    throw badInput(
      `Circular 01/2020/TT-BKHĐT was repealed by ${CIRCULAR_01_2020_REPEALED_BY} from ${CIRCULAR_01_2020_REPEALED_FROM}: an assessment dated ${input.assessedOn} ` +
        "carries no national rating (Tốt, Khá, Trung bình, Yếu). Record it under ALLIANCE with the name of the Alliance's scheme, or record no rating.",
      "input.scheme",
      "RATING_SCHEME_REPEALED",
      { repealedFrom: CIRCULAR_01_2020_REPEALED_FROM, repealedBy: CIRCULAR_01_2020_REPEALED_BY },
    );
  }
  const score = input.score ?? null;
  if (input.rating === Rating.NOT_RATED) {
    if (score !== null) throw badInput("A NOT_RATED classification has no score.", "input.score", "SCORE_WITH_NOT_RATED");
    if (!input.notRatedReason) throw badInput("Say why the organisation was not rated.", "input.notRatedReason", "REASON_REQUIRED");
  } else if (input.rating != null) {
    if (score === null) throw badInput(`A rating of ${RATING_LABEL[input.rating]} needs its score.`, "input.score", "SCORE_REQUIRED");
    const earned = ratingForScore(score);
    if (earned !== input.rating) {
      throw badInput(
        `A score of ${score} is rated ${RATING_LABEL[earned]} (${RATING_BAND[earned as keyof typeof RATING_BAND]} points), not ${RATING_LABEL[input.rating]}.`,
        "input.rating",
        "RATING_SCORE_MISMATCH",
        { score, expectedRating: earned },
      );
    }
  }
}

/** The active official members of a list of members. */
export function activeOfficialCount(members: { membershipType: MembershipType; leftOn: string | null }[]): number {
  return members.filter((m) => m.membershipType === MembershipType.OFFICIAL && m.leftOn === null).length;
}

export class OrganizationMutations {
  constructor(private readonly dataSource: DataSource) {}

  private readonly loadOrganization = loadById(this.dataSource, Organization);
  private readonly loadMember = loadById(this.dataSource, Member);
  private readonly loadReport = (ref: string) => {
    const [organizationId, year] = ref.split("/");
    return this.dataSource.getRepository(FinancialReport).findOneByOrFail({ organizationId, year: Number(year) });
  };
  private readonly loadClassification = (ref: string) => {
    const [organizationId, year, scheme] = ref.split("/");
    return this.dataSource.getRepository(Classification).findOneByOrFail({ organizationId, year: Number(year), scheme: scheme as ClassificationScheme });
  };

  async register(input: RegisterOrganizationInput): Promise<Organization> {
    const constraints = {
      organization_registration_number_key: registrationNumberTaken(input.registrationNumber),
      member_organization_once_idx: alreadyMember("input.members"),
    };
    return recordedWrite(this.dataSource, { operation: "registerOrganization", input, load: this.loadOrganization, constraints }, async (manager) => {
      const org = await checkRegistration(databaseLookups(manager), manager, input);
      await manager.getRepository(Organization).insert(org);
      if (input.members.length > 0) {
        await manager.getRepository(Member).insert(input.members.map((m) => memberRow(org.id, m)));
      }
      return manager.getRepository(Organization).findOneByOrFail({ id: org.id });
    });
  }

  async update(input: UpdateOrganizationInput): Promise<Organization> {
    const constraints = { organization_registration_number_key: registrationNumberTaken(input.registrationNumber) };
    return recordedWrite(this.dataSource, { operation: "updateOrganization", input, load: this.loadOrganization, constraints }, async (manager, keepBefore) => {
      const org = keepBefore(await lockOrganization(manager, input.id, "input.id"));
      if (org.version !== input.version) throw versionConflict("This organisation", input.version, org.version);
      const changes = await checkChanges(databaseLookups(manager), org, input, async () =>
        activeOfficialCount(await manager.getRepository(Member).findBy({ organizationId: org.id })),
      );
      await manager
        .createQueryBuilder()
        .update(Organization)
        .set({ ...changes, version: org.version + 1 })
        .where("id = :id AND version = :version", { id: org.id, version: org.version })
        .execute();
      return manager.getRepository(Organization).findOneByOrFail({ id: org.id });
    });
  }

  async recordFinancialReport(input: RecordFinancialReportInput): Promise<FinancialReport> {
    return recordedWrite(
      this.dataSource,
      { operation: "recordFinancialReport", input, refOf: (f) => `${f.organizationId}/${f.year}`, load: this.loadReport },
      async (manager, keepBefore) => {
        const org = await lockOrganization(manager, input.organizationId, "input.organizationId");
        checkFinancialReport(org, input);
        const repository = manager.getRepository(FinancialReport);
        // Read under the organisation's lock, which every write of its reports takes first.
        const existing = await repository.findOneBy({ organizationId: org.id, year: input.year });
        if (existing) keepBefore(existing);
        const values = {
          charterCapital: input.charterCapital,
          revenue: input.revenue,
          profit: input.profit,
          regularWorkers: input.regularWorkers,
          averageMonthlyIncome: input.averageMonthlyIncome,
          managersTotal: input.managersTotal,
          managersTrained: input.managersTrained,
          itReadiness: input.itReadiness,
        };
        if (existing) {
          if (input.version == null) {
            throw conflict(
              `Figures for ${input.year} are already recorded for ${org.name}. Send their version to correct them.`,
              "input.version",
              "ALREADY_RECORDED",
              { currentVersion: existing.version },
            );
          }
          if (existing.version !== input.version) throw versionConflict("This report", input.version, existing.version);
          await repository.update({ organizationId: org.id, year: input.year }, { ...values, version: existing.version + 1 });
        } else {
          if (input.version != null) throw notFound(`No figures for ${input.year} are recorded yet; omit the version to record them.`, "input.version");
          await repository.insert({ organizationId: org.id, year: input.year, ...values, version: 1 });
        }
        return repository.findOneByOrFail({ organizationId: org.id, year: input.year });
      },
    );
  }

  async recordClassification(input: RecordClassificationInput): Promise<Classification> {
    return recordedWrite(
      this.dataSource,
      { operation: "recordClassification", input, refOf: (c) => `${c.organizationId}/${c.year}/${c.scheme}`, load: this.loadClassification },
      async (manager, keepBefore) => {
        const org = await lockOrganization(manager, input.organizationId, "input.organizationId");
        checkClassification(org, input);
        const values = await classificationValues(manager, org, input);
        const repository = manager.getRepository(Classification);
        const key = { organizationId: org.id, year: input.year, scheme: input.scheme };
        const existing = await repository.findOneBy(key);
        if (existing) keepBefore(existing);
        if (existing) {
          if (input.version == null) {
            throw conflict(
              `A ${input.year} classification is already recorded for ${org.name}. Send its version to correct it.`,
              "input.version",
              "ALREADY_RECORDED",
              { currentVersion: existing.version },
            );
          }
          if (existing.version !== input.version) throw versionConflict("This classification", input.version, existing.version);
          await repository.update(key, { ...values, version: existing.version + 1 });
        } else {
          if (input.version != null) throw notFound(`No ${input.year} classification is recorded yet; omit the version to record it.`, "input.version");
          await repository.insert({ ...key, ...values, version: 1 });
        }
        return repository.findOneByOrFail(key);
      },
    );
  }

  async addMember(input: AddMemberInput): Promise<Member> {
    return recordedWrite(
      this.dataSource,
      { operation: "addMember", input, load: this.loadMember, constraints: { member_organization_once_idx: alreadyMember("input.memberOrganizationId") } },
      async (manager) => {
        const org = await lockOrganization(manager, input.organizationId, "input.organizationId");
        if (org.status === OrganizationStatus.DISSOLVED) {
          throw badInput(`${org.name} is dissolved and takes no new members.`, "input.organizationId", "ORGANIZATION_DISSOLVED");
        }
        await checkMember(manager, org, input, "input");
        if (input.memberOrganizationId) {
          const already = await manager
            .getRepository(Member)
            .findOneBy({ organizationId: org.id, memberOrganizationId: input.memberOrganizationId, leftOn: IsNull() });
          if (already) {
            throw conflict("That organisation is already a member.", "input.memberOrganizationId", "ALREADY_MEMBER");
          }
        }
        const row = memberRow(org.id, input);
        await manager.getRepository(Member).insert(row);
        return manager.getRepository(Member).findOneByOrFail({ id: row.id });
      },
    );
  }

  async endMembership(input: EndMembershipInput): Promise<Member> {
    return recordedWrite(this.dataSource, { operation: "endMembership", input, load: this.loadMember }, async (manager, keepBefore) => {
      requireId(input.memberId, "input.memberId", "Member");
      const found = await manager.getRepository(Member).findOneBy({ id: input.memberId });
      if (!found) throw notFound(`No member has the id ${input.memberId}.`, "input.memberId");
      const org = await lockOrganization(manager, found.organizationId, "input.memberId");
      const member = keepBefore(await manager.getRepository(Member).findOneByOrFail({ id: input.memberId }));
      if (member.version !== input.version) throw versionConflict("This membership", input.version, member.version);
      if (member.leftOn !== null) throw conflict(`This membership already ended on ${member.leftOn}.`, "input.memberId", "ALREADY_ENDED");
      if (input.leftOn < member.joinedOn) {
        throw badInput(`A membership cannot end (${input.leftOn}) before it began (${member.joinedOn}).`, "input.leftOn", "LEFT_BEFORE_JOINED");
      }
      requireNotInFuture(input.leftOn, "input.leftOn", "The end date");
      if (org.status === OrganizationStatus.ACTIVE && member.membershipType === MembershipType.OFFICIAL) {
        const members = await manager.getRepository(Member).findBy({ organizationId: org.id });
        requireMinimumMembers(org.kind, activeOfficialCount(members) - 1, "input.memberId");
      }
      await manager.getRepository(Member).update({ id: member.id, version: member.version }, { leftOn: input.leftOn, version: member.version + 1 });
      return manager.getRepository(Member).findOneByOrFail({ id: member.id });
    });
  }

  async dissolve(input: DissolveOrganizationInput): Promise<Organization> {
    return recordedWrite(this.dataSource, { operation: "dissolveOrganization", input, load: this.loadOrganization }, async (manager, keepBefore) => {
      const org = keepBefore(await lockOrganization(manager, input.id, "input.id"));
      if (org.version !== input.version) throw versionConflict("This organisation", input.version, org.version);
      if (org.status === OrganizationStatus.DISSOLVED)
        throw conflict(`${org.name} was already dissolved on ${org.dissolvedOn}.`, "input.id", "ALREADY_DISSOLVED");
      if (input.dissolvedOn < org.establishedOn) {
        throw badInput(
          `Dissolution (${input.dissolvedOn}) cannot precede establishment (${org.establishedOn}).`,
          "input.dissolvedOn",
          "DISSOLVED_BEFORE_ESTABLISHED",
        );
      }
      requireNotInFuture(input.dissolvedOn, "input.dissolvedOn", "The dissolution date");
      await manager
        .createQueryBuilder()
        .update(Organization)
        .set({ status: OrganizationStatus.DISSOLVED, dissolvedOn: input.dissolvedOn, version: org.version + 1 })
        .where("id = :id AND version = :version", { id: org.id, version: org.version })
        .execute();
      await manager
        .createQueryBuilder()
        .update(AllianceMembership)
        .set({ leftOn: input.dissolvedOn })
        .where("organization_id = :id AND left_on IS NULL AND joined_on <= :date", { id: org.id, date: input.dissolvedOn })
        .execute();
      return manager.getRepository(Organization).findOneByOrFail({ id: org.id });
    });
  }
}
