/**
 * Imports of an organisation's records from the Alliance's sheets: members (importMembers), yearly
 * figures (importFinancialReports) and classifications (importClassifications). Each row names its
 * organisation as registers do (registration number, or name with its unit where two share a name); the
 * batch reads the organisations and the records they already have in one statement each, checks every
 * row by the rules of the single-record mutation (checkMember, checkFinancialReport, checkClassification),
 * and writes creates and updates in one statement per table, with one audit record per row changed, in
 * one transaction. Rows are matched on their natural key, so importing a file twice changes nothing.
 */
import { communeCodeOn, unitById, unitNamedOn } from "@kttt/reference";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import {
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  foldText,
  importDecision,
  ImportOutcome,
  ImportProblem,
  importProblemOf,
  requireBatchSize,
  rowResults,
  today,
  validationFailures,
  writeAudits,
  type AuditEntry,
} from "@kttt/core";
import { ClassificationScheme, MembershipType, OrganizationKind, OrganizationStatus } from "../domain/enums";
import { Classification } from "../entities/classification";
import { FinancialReport } from "../entities/financial-report";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import {
  ClassificationImportRow,
  FinancialReportImportRow,
  ImportRecordsPayload,
  MAX_IMPORT_ROWS,
  MemberImportRow,
  RecordImportRowResult,
} from "../types/import";
import { NewMemberInput, RecordClassificationInput, RecordFinancialReportInput } from "../types/inputs";
import { activeOfficialCount, checkClassification, checkFinancialReport, checkMember, requireMinimumMembers } from "./organization-mutations";

/** A registration number as registers write it ("30.0999.0022", "3009990022"), or null for a name. */
export function registrationNumberOf(text: string): string | null {
  const cleaned = cleanText(text);
  return /^[\d.\s-]+$/u.test(cleaned) && /\d/u.test(cleaned) ? cleaned.replace(/[.\s]/gu, "") : null;
}

interface OrganizationRef {
  organization: string;
  adminUnit?: string | null;
}

/** The organisations a batch names, read (and locked) in one statement, and how a row's reference finds one. */
class OrganizationFinder {
  private constructor(private readonly organizations: Organization[]) {}

  static async load(manager: EntityManager, refs: OrganizationRef[], extraNumbers: string[] = []): Promise<OrganizationFinder> {
    const numbers = [...new Set([...refs.map((r) => registrationNumberOf(r.organization)), ...extraNumbers].filter((n): n is string => !!n))];
    const names = [...new Set(refs.filter((r) => !registrationNumberOf(r.organization)).map((r) => foldText(cleanText(r.organization))))];
    const found = await manager
      .getRepository(Organization)
      .createQueryBuilder("o")
      .setLock("pessimistic_write")
      .where("o.registration_number = ANY(:numbers)", { numbers })
      .orWhere("kttt_fold(o.name) = ANY(:names)", { names })
      .getMany();
    return new OrganizationFinder(found);
  }

  get ids(): string[] {
    return this.organizations.map((o) => o.id);
  }

  byId(id: string): Organization | undefined {
    return this.organizations.find((o) => o.id === id);
  }

  byNumber(number: string): Organization | undefined {
    return this.organizations.find((o) => o.registrationNumber === number);
  }

  /** The organisation a row names, or a DomainError at `organization` / `adminUnit`. */
  find(ref: OrganizationRef): Organization {
    const text = cleanText(ref.organization);
    const number = registrationNumberOf(text);
    if (number) {
      const org = this.byNumber(number);
      if (!org)
        throw badInput(
          `No organisation has the registration number ${number}: register it first (import of organisations), or correct the number.`,
          "input.organization",
          "ORGANIZATION_NOT_FOUND",
        );
      return org;
    }
    const folded = foldText(text);
    let named = this.organizations.filter((o) => foldText(o.name) === folded);
    if (named.length === 0)
      throw badInput(
        `No organisation is called "${text}": write its registration number, or its name as registered.`,
        "input.organization",
        "ORGANIZATION_NOT_FOUND",
      );
    if (ref.adminUnit && cleanText(ref.adminUnit) !== "") {
      const unit = cleanText(ref.adminUnit);
      named = named.filter((o) => placesOf(o).some((code) => unitCodesNamed(unit, o).has(code)));
      if (named.length === 0)
        throw badInput(`No organisation called "${text}" is registered in or lies in "${unit}".`, "input.adminUnit", "ORGANIZATION_NOT_FOUND");
    }
    if (named.length > 1) {
      throw badInput(
        `${named.length} organisations are called "${text}" (${named.map((o) => `${o.registrationNumber ?? "no number"}, unit ${o.adminUnitCode}`).join("; ")}): write the registration number, or the unit.`,
        "input.organization",
        "AMBIGUOUS_ORGANIZATION",
      );
    }
    return named[0];
  }
}

/** The codes of the units an organisation is known by: its unit of registration, its recorded commune, its commune today. */
function placesOf(org: Organization): string[] {
  const recorded = org.communeId ? unitById(org.communeId) : null;
  return [org.adminUnitCode, recorded?.code, communeCodeOn(org.communeId, org.address, today())].filter((c): c is string => !!c);
}

/** The codes a unit's text can name for an organisation: the unit named on its establishment date or today, and that unit's district. */
function unitCodesNamed(text: string, org: Organization): Set<string> {
  const codes = new Set<string>();
  for (const date of [org.establishedOn, org.communeSince ?? org.establishedOn, today()]) {
    const { unit } = unitNamedOn(text, date);
    if (!unit) continue;
    codes.add(unit.code);
    const parent = unit.parentId ? unitById(unit.parentId) : null;
    if (parent?.level === "DISTRICT") codes.add(parent.code);
  }
  return codes;
}

/** Rows inserted or, on their key, updated (version + 1) in one statement; `version` is set here. */
async function upsertRows(manager: EntityManager, table: string, key: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...Object.keys(rows[0]), "version"];
  const chunk = Math.floor(30_000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + chunk).map((row) => `(${columns.map((c) => (c === "version" ? "1" : `$${params.push(row[c])}`)).join(", ")})`);
    const updates = columns.filter((c) => !key.includes(c) && c !== "version").map((c) => `${c} = excluded.${c}`);
    await manager.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (${key.join(", ")}) DO UPDATE SET ${updates.join(", ")}, version = ${table}.version + 1`,
      params,
    );
  }
}

interface Planned<R> {
  row: R;
  org: Organization;
  outcome: ImportOutcome.CREATED | ImportOutcome.UPDATED | ImportOutcome.UNCHANGED;
  /** The table row to write (created or updated), with its audit's before and after. */
  record?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  ref?: string;
}

interface RecordKind<R extends OrganizationRef & { rowNumber?: number }, Existing> {
  operation: string;
  table: string;
  key: string[];
  /** The records of the batch's organisations, read in one statement. */
  existing(manager: EntityManager, organizationIds: string[]): Promise<Existing>;
  /** Other registration numbers the rows name (a union's member cooperatives). */
  extraNumbers?(rows: R[]): string[];
  /** The row as the single-record mutation's input, for its field rules (lengths, ranges). */
  asInput(row: R): object;
  /** The row's natural key inside the file, and how to say it when it repeats. */
  fileKey(row: R, org: Organization): { key: string; field: string; what: string };
  /** The row checked and compared with what exists: what to write, or nothing. */
  plan(row: R, org: Organization, existing: Existing, finder: OrganizationFinder, manager: EntityManager): Promise<Omit<Planned<R>, "row" | "org">>;
  /** Checks across the batch once every row is planned (a cooperative's minimum of official members): problems by row index. */
  afterPlan?(planned: Map<number, Planned<R>>, existing: Existing): Map<number, ImportProblem>;
}

async function importRecords<R extends OrganizationRef & { rowNumber?: number }, Existing>(
  dataSource: DataSource,
  kind: RecordKind<R, Existing>,
  rows: R[],
  dryRun: boolean,
  skipInvalid: boolean,
): Promise<ImportRecordsPayload> {
  requireBatchSize(rows, MAX_IMPORT_ROWS);
  return dataSource.transaction(async (manager) => {
    const finder = await OrganizationFinder.load(manager, rows, kind.extraNumbers?.(rows) ?? []);
    const existing = await kind.existing(manager, finder.ids);
    const { results, failed } = rowResults<RecordImportRowResult>(rows, () => Object.assign(new RecordImportRowResult(), { organizationId: null }));
    const planned = new Map<number, Planned<R>>();
    const seen = new Map<string, number | null>();
    for (const [index, row] of rows.entries()) {
      const result = results[index];
      try {
        const failures = await validationFailures(kind.asInput(row));
        if (failures.length > 0) {
          result.problems.push(...failures.map((f) => Object.assign(new ImportProblem(), { field: f.field, reason: "INVALID_VALUE", message: f.message })));
          result.organizationId = null;
          continue;
        }
        const org = finder.find(row);
        result.organizationId = org.id;
        const { key, field, what } = kind.fileKey(row, org);
        if (seen.has(key)) {
          const first = seen.get(key);
          throw conflict(`${what} is also on ${first != null ? `row ${first}` : "an earlier row"} of this file.`, `input.${field}`, "DUPLICATE_IN_FILE");
        }
        seen.set(key, row.rowNumber ?? null);
        const plan = await kind.plan(row, org, existing, finder, manager);
        planned.set(index, { row, org, ...plan });
        result.outcome = plan.outcome;
      } catch (error) {
        failed(index, error);
      }
    }
    for (const [index, problem] of kind.afterPlan?.(planned, existing) ?? []) {
      results[index].problems.push(problem);
      results[index].outcome = ImportOutcome.INVALID;
      planned.delete(index);
    }
    const { counts, written } = importDecision(results, dryRun, skipInvalid);
    if (written) {
      const changed = [...planned.values()].filter((p) => p.record);
      await upsertRows(
        manager,
        kind.table,
        kind.key,
        changed.map((p) => p.record!),
      );
      const audits: AuditEntry[] = changed.map((p) => ({
        operation: kind.operation,
        input: p.row,
        resultRef: p.ref ?? p.org.id,
        before: p.before,
        after: p.after === undefined ? undefined : fieldsOf(p.after as Record<string, unknown>),
      }));
      await writeAudits(manager, audits);
    }
    return Object.assign(new ImportRecordsPayload(), { dryRun, written, counts, rows: results });
  });
}

/** A table row's columns as the entity's fields (capital_contributed → capitalContributed), so an audit's after reads like its before. */
const fieldsOf = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column.replace(/_([a-z])/gu, (_m, c: string) => c.toUpperCase()), value]));

/** Whether a stored record already says what a row says, field by field (bigints and numbers compared as text). */
const same = (a: Record<string, string | number | bigint | null>, b: Record<string, string | number | bigint | null>, fields: string[]) =>
  fields.every((f) => String(a[f] ?? null) === String(b[f] ?? null));

const membersKind: RecordKind<MemberImportRow, Map<string, Member[]>> = {
  operation: "importMembers",
  table: "member",
  key: ["id"],
  async existing(manager, ids) {
    const members = ids.length ? await manager.getRepository(Member).createQueryBuilder("m").where("m.organization_id = ANY(:ids)", { ids }).getMany() : [];
    const byOrg = new Map<string, Member[]>();
    for (const m of members) byOrg.set(m.organizationId, [...(byOrg.get(m.organizationId) ?? []), m]);
    return byOrg;
  },
  asInput: (row) =>
    Object.assign(new NewMemberInput(), {
      kind: row.kind,
      membershipType: row.membershipType,
      fullName: row.fullName,
      joinedOn: row.joinedOn,
    }),
  extraNumbers: (rows) => rows.map((r) => (r.memberOrganization ? registrationNumberOf(r.memberOrganization) : null)).filter((n): n is string => !!n),
  fileKey: (row, org) => ({
    key: `${org.id}|${foldText(cleanText(row.fullName))}|${row.joinedOn}`,
    field: "fullName",
    what: `${cleanText(row.fullName)}, joining ${org.name} on ${row.joinedOn},`,
  }),
  async plan(row, org, existing, finder, manager) {
    if (org.status === OrganizationStatus.DISSOLVED)
      throw badInput(`${org.name} is dissolved and takes no new members.`, "input.organization", "ORGANIZATION_DISSOLVED");
    let memberOrganizationId: string | undefined;
    if (row.memberOrganization && cleanText(row.memberOrganization) !== "") {
      const number = registrationNumberOf(row.memberOrganization);
      const member = number ? finder.byNumber(number) : undefined;
      if (!member)
        throw badInput(
          `No organisation has the registration number ${cleanText(row.memberOrganization)}.`,
          "input.memberOrganization",
          "ORGANIZATION_NOT_FOUND",
        );
      memberOrganizationId = member.id;
    }
    // The field's default arrives as the schema wrote it, not always as a bigint.
    const capital = BigInt(row.capitalContributed ?? 0);
    const input = {
      kind: row.kind,
      membershipType: row.membershipType,
      fullName: row.fullName,
      capitalContributed: capital,
      joinedOn: row.joinedOn,
      memberOrganizationId,
    };
    await checkMember(manager, org, input, "input", async (id) => finder.byId(id) ?? null);
    const name = foldText(cleanText(row.fullName));
    const found = (existing.get(org.id) ?? []).find((m) => foldText(m.fullName) === name && m.joinedOn === row.joinedOn);
    const values = {
      organization_id: org.id,
      kind: row.kind,
      membership_type: row.membershipType,
      full_name: cleanText(row.fullName),
      member_organization_id: memberOrganizationId ?? null,
      capital_contributed: capital.toString(),
      joined_on: row.joinedOn,
      left_on: null,
    };
    if (!found) {
      const id = randomUUID();
      return { outcome: ImportOutcome.CREATED, record: { id, ...values }, after: { id, ...values, version: 1 }, ref: id };
    }
    const stored = {
      kind: found.kind,
      membership_type: found.membershipType,
      member_organization_id: found.memberOrganizationId,
      capital_contributed: found.capitalContributed.toString(),
    };
    if (same(stored, values, ["kind", "membership_type", "member_organization_id", "capital_contributed"])) return { outcome: ImportOutcome.UNCHANGED };
    if (found.leftOn !== null)
      throw badInput(
        `${found.fullName}'s membership ended on ${found.leftOn}; an ended membership is not changed by an import.`,
        "input.fullName",
        "ALREADY_ENDED",
      );
    return {
      outcome: ImportOutcome.UPDATED,
      record: { id: found.id, ...values, full_name: found.fullName },
      before: found,
      after: { id: found.id, ...values, version: found.version + 1 },
      ref: found.id,
    };
  },
  afterPlan(planned, existing) {
    // An active organisation keeps the law's minimum of official members once the batch's changes are made.
    const problems = new Map<number, ImportProblem>();
    const byOrg = new Map<string, number[]>();
    for (const [index, p] of planned) if (p.outcome === ImportOutcome.UPDATED) byOrg.set(p.org.id, [...(byOrg.get(p.org.id) ?? []), index]);
    for (const [orgId, indexes] of byOrg) {
      const org = planned.get(indexes[0])!.org;
      if (org.status !== OrganizationStatus.ACTIVE) continue;
      const changedType = new Map(indexes.map((i) => [String(planned.get(i)!.record!.id), planned.get(i)!.row.membershipType]));
      const members = (existing.get(orgId) ?? []).map((m) => ({ membershipType: changedType.get(m.id) ?? m.membershipType, leftOn: m.leftOn }));
      const added = [...planned.values()].filter(
        (p) => p.org.id === orgId && p.outcome === ImportOutcome.CREATED && p.row.membershipType === MembershipType.OFFICIAL,
      ).length;
      try {
        requireMinimumMembers(org.kind, activeOfficialCount(members) + added, "input.membershipType");
      } catch (error) {
        for (const i of indexes.filter((i) => planned.get(i)!.row.membershipType !== MembershipType.OFFICIAL)) problems.set(i, importProblemOf(error));
      }
    }
    return problems;
  },
};

const REPORT_FIELDS = [
  "charter_capital",
  "revenue",
  "profit",
  "regular_workers",
  "average_monthly_income",
  "managers_total",
  "managers_trained",
  "it_readiness",
];

const reportsKind: RecordKind<FinancialReportImportRow, Map<string, FinancialReport>> = {
  operation: "importFinancialReports",
  table: "financial_report",
  key: ["organization_id", "year"],
  async existing(manager, ids) {
    const reports = ids.length
      ? await manager.getRepository(FinancialReport).createQueryBuilder("f").where("f.organization_id = ANY(:ids)", { ids }).getMany()
      : [];
    return new Map(reports.map((f) => [`${f.organizationId}/${f.year}`, f]));
  },
  asInput: (row) => Object.assign(new RecordFinancialReportInput(), { ...row, organizationId: "" }),
  fileKey: (row, org) => ({ key: `${org.id}/${row.year}`, field: "year", what: `The ${row.year} figures of ${org.name}` }),
  async plan(row, org, existing) {
    if (org.status === OrganizationStatus.DISSOLVED && Number(org.dissolvedOn?.slice(0, 4)) < row.year) {
      throw badInput(`${org.name} was dissolved on ${org.dissolvedOn}: it has no figures for ${row.year}.`, "input.year", "YEAR_OUT_OF_RANGE");
    }
    checkFinancialReport(org, row);
    const values = {
      organization_id: org.id,
      year: row.year,
      charter_capital: row.charterCapital.toString(),
      revenue: row.revenue.toString(),
      profit: row.profit.toString(),
      regular_workers: row.regularWorkers,
      average_monthly_income: row.averageMonthlyIncome.toString(),
      managers_total: row.managersTotal,
      managers_trained: row.managersTrained,
      it_readiness: row.itReadiness,
    };
    const ref = `${org.id}/${row.year}`;
    const found = existing.get(ref);
    if (!found) return { outcome: ImportOutcome.CREATED, record: values, after: { ...values, version: 1 }, ref };
    const stored = {
      charter_capital: found.charterCapital,
      revenue: found.revenue,
      profit: found.profit,
      regular_workers: found.regularWorkers,
      average_monthly_income: found.averageMonthlyIncome,
      managers_total: found.managersTotal,
      managers_trained: found.managersTrained,
      it_readiness: found.itReadiness,
    };
    if (same(stored, values, REPORT_FIELDS)) return { outcome: ImportOutcome.UNCHANGED };
    return { outcome: ImportOutcome.UPDATED, record: values, before: found, after: { ...values, version: found.version + 1 }, ref };
  },
};

const classificationsKind: RecordKind<ClassificationImportRow, Map<string, Classification>> = {
  operation: "importClassifications",
  table: "classification",
  key: ["organization_id", "year", "scheme"],
  async existing(manager, ids) {
    const found = ids.length
      ? await manager.getRepository(Classification).createQueryBuilder("c").where("c.organization_id = ANY(:ids)", { ids }).getMany()
      : [];
    return new Map(found.map((c) => [`${c.organizationId}/${c.year}/${c.scheme}`, c]));
  },
  asInput: (row) => Object.assign(new RecordClassificationInput(), { ...row, organizationId: "" }),
  fileKey: (row, org) => ({ key: `${org.id}/${row.year}/${row.scheme}`, field: "year", what: `The ${row.year} classification of ${org.name}` }),
  async plan(row, org, existing) {
    if (org.kind === OrganizationKind.COOPERATIVE_GROUP) {
      throw badInput(
        `${org.name} is a cooperative group (THT): groups are not rated; classifications apply to cooperatives and unions.`,
        "input.organization",
        "GROUP_NOT_RATED",
      );
    }
    if (row.scheme !== ClassificationScheme.CIRCULAR_01_2020) {
      throw badInput(
        "An import records Circular 01/2020 ratings only: record a Decree 113/2024 size class or an Alliance assessment with recordClassification, which works the class out from the organisation's members and figures.",
        "input.scheme",
        "SCHEME_NOT_IMPORTED",
      );
    }
    checkClassification(org, row);
    const values = {
      organization_id: org.id,
      year: row.year,
      scheme: row.scheme,
      assessed_on: row.assessedOn ?? null,
      score: row.score ?? null,
      rating: row.rating,
      size_class: row.sizeClass ?? null,
      not_rated_reason: cleanOptionalText(row.notRatedReason),
    };
    const ref = `${org.id}/${row.year}/${row.scheme}`;
    const found = existing.get(ref);
    if (!found) return { outcome: ImportOutcome.CREATED, record: values, after: { ...values, version: 1 }, ref };
    const stored = { score: found.score, rating: found.rating, size_class: found.sizeClass, not_rated_reason: found.notRatedReason };
    if (same(stored, values, ["score", "rating", "size_class", "not_rated_reason"])) return { outcome: ImportOutcome.UNCHANGED };
    return { outcome: ImportOutcome.UPDATED, record: values, before: found, after: { ...values, version: found.version + 1 }, ref };
  },
};

/** The three imports of an organisation's records, each one transaction per call. */
export class RecordImports {
  constructor(private readonly dataSource: DataSource) {}

  members(rows: MemberImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportRecordsPayload> {
    return importRecords(this.dataSource, membersKind, rows, dryRun, skipInvalid);
  }

  financialReports(rows: FinancialReportImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportRecordsPayload> {
    return importRecords(this.dataSource, reportsKind, rows, dryRun, skipInvalid);
  }

  classifications(rows: ClassificationImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportRecordsPayload> {
    return importRecords(this.dataSource, classificationsKind, rows, dryRun, skipInvalid);
  }
}
