/**
 * importOrganizations: a register's rows checked by the same rules as registerOrganization and
 * updateOrganization (checkRegistration, checkChanges), against units and organisations read in one
 * statement each, then written in the same transaction with one audit record per row changed.
 * Rows match the graph on the registration number (a group, which has none, on kind, unit and
 * name), so importing a file twice changes nothing the second time.
 */
import { requireUnitNamedOn } from "@kttt/reference";
import {
  cleanText,
  conflict,
  copyRows,
  foldText,
  importDecision,
  inImportSession,
  ImportOutcome,
  ImportProblem,
  rowResults,
  requireBatchSize,
  validationFailuresOfEach,
  writeAudits,
  type AuditEntry,
} from "@kttt/core";
import type { DataSource, EntityManager } from "typeorm";
import { MembershipType, OrganizationKind } from "../domain/enums";
import { Member } from "../entities/member";
import { Organization } from "../entities/organization";
import { ImportOrganizationsPayload, MAX_IMPORT_ROWS, OrganizationImportRow, OrganizationImportRowResult } from "../types/import";
import { RegisterOrganizationInput } from "../types/inputs";
import { checkChanges, checkRegistration, memberRow, type RegistryLookups } from "./organization-mutations";

const FIELDS_COMPARED = ["name", "adminUnitCode", "sector", "status", "address", "representative"] as const;

const groupKey = (unitCode: string, name: string) => `${unitCode}|${foldText(cleanText(name))}`;

function problem(field: string, reason: string, message: string): ImportProblem {
  return Object.assign(new ImportProblem(), { field, reason, message });
}

/** A batch's rows with their results so far, each row's input (null when a check refused it) and the rules its fields break. */
interface CheckedRows {
  rows: OrganizationImportRow[];
  results: OrganizationImportRowResult[];
  failed: (index: number, error: unknown) => void;
  inputs: (RegisterOrganizationInput | null)[];
  failures: Map<RegisterOrganizationInput, { field: string; message: string }[]>;
}

export class OrganizationImport {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One batch, in a transaction of its own, or with `session` in the import session's transaction (committed
   * or rolled back with the whole file by finishMembershipImport). The rows' own rules are checked first,
   * outside the session's queue: a session's batch is checked while the one before it is still being written.
   */
  async run(
    rows: OrganizationImportRow[],
    dryRun: boolean,
    skipInvalid: boolean,
    session: { id: string; owner: string } | null = null,
  ): Promise<ImportOrganizationsPayload> {
    requireBatchSize(rows, MAX_IMPORT_ROWS);
    const checked = await this.check(rows);
    if (!session)
      return this.dataSource.transaction(async (manager) => {
        const { result, write } = await this.batch(manager, checked, dryRun, skipInvalid);
        await write?.();
        return result;
      });
    return inImportSession(session.id, session.owner, async (manager) => {
      const done = await this.batch(manager, checked, dryRun, skipInvalid);
      const { counts, written } = done.result;
      return { ...done, rowsWritten: written ? counts.created + counts.updated : 0, refused: counts.invalid > 0 && !skipInvalid };
    });
  }

  /** Each row as registerOrganization's input (its unit named on its date), and the rules of its fields: no database. */
  private async check(rows: OrganizationImportRow[]): Promise<CheckedRows> {
    const { results, failed, checkEach } = rowResults<OrganizationImportRowResult, OrganizationImportRow>(rows, () =>
      Object.assign(new OrganizationImportRowResult(), { organizationId: null }),
    );
    // A register names a handful of units, each on many rows: each unit and date resolved once.
    const units = new Map<string, { code: string } | { error: unknown }>();
    const unitOf = (text: string, date: string) => {
      const key = `${date}|${text}`;
      let found = units.get(key);
      if (!found) {
        try {
          found = { code: requireUnitNamedOn(text, date, "input.adminUnit").code };
        } catch (error) {
          found = { error };
        }
        units.set(key, found);
      }
      if ("error" in found) throw found.error;
      return found.code;
    };
    const inputs = checkEach((row): RegisterOrganizationInput =>
      Object.assign(new RegisterOrganizationInput(), {
        kind: row.kind,
        name: row.name,
        registrationNumber: row.registrationNumber ? cleanText(row.registrationNumber) : undefined,
        adminUnitCode: unitOf(row.adminUnit, row.establishedOn),
        sector: row.sector,
        status: row.status,
        establishedOn: row.establishedOn,
        address: row.address ?? undefined,
        representative: row.representative ?? undefined,
        members: row.members ?? [],
      }),
    );
    const valid = inputs.filter((input): input is RegisterOrganizationInput => input !== null);
    const failures = new Map((await validationFailuresOfEach(valid)).map((found, i) => [valid[i], found]));
    return { rows, results, failed, inputs, failures };
  }

  /** The batch matched against the graph (its organisations locked) and decided; its writes, when it is written, to run after. */
  private async batch(
    manager: EntityManager,
    { rows, results, failed, inputs, failures }: CheckedRows,
    dryRun: boolean,
    skipInvalid: boolean,
  ): Promise<{ result: ImportOrganizationsPayload; write?: () => Promise<void> }> {
    const numbers = [...new Set(rows.map((r) => r.registrationNumber && cleanText(r.registrationNumber)).filter((n): n is string => !!n))];
    const groupNames = [...new Set(rows.filter((r) => r.kind === OrganizationKind.COOPERATIVE_GROUP).map((r) => cleanText(r.name)))];
    // Locked: nobody changes a matched organisation between this check and the write. Read as plain rows
    // (no entity hydration for thousands of rows), shaped as the entity.
    const existing = (
      await manager.query<Organization[]>(
        `SELECT id, kind, name, registration_number AS "registrationNumber", admin_unit_code AS "adminUnitCode", commune_id AS "communeId",
                  commune_since::text AS "communeSince", sector, status, established_on::text AS "establishedOn", dissolved_on::text AS "dissolvedOn",
                  address, representative, version, created_at AS "createdAt", updated_at AS "updatedAt"
             FROM organization
            WHERE registration_number = ANY($1::text[]) OR (kind = $2 AND name = ANY($3::text[]))
              FOR UPDATE`,
        [numbers, OrganizationKind.COOPERATIVE_GROUP, groupNames],
      )
    ).map((row) => Object.assign(Object.create(Organization.prototype) as Organization, row));
    const byNumber = new Map(existing.filter((o) => o.registrationNumber).map((o) => [o.registrationNumber as string, o]));
    const byGroup = new Map(existing.filter((o) => o.kind === OrganizationKind.COOPERATIVE_GROUP).map((o) => [groupKey(o.adminUnitCode, o.name), o]));
    const officialCounts = await this.officialCounts(
      manager,
      existing.map((o) => o.id),
    );
    const lookups: RegistryLookups = {
      byRegistrationNumber: async (number) => byNumber.get(number) ?? null,
    };
    const creates: { org: Organization; row: OrganizationImportRow; index: number }[] = [];
    const updates: { before: Organization; changes: Partial<Organization>; row: OrganizationImportRow }[] = [];
    const seen = new Map<string, number | null>();
    for (const [index, row] of rows.entries()) {
      const result = results[index];
      const input = inputs[index];
      if (!input) continue;
      try {
        result.problems.push(...failures.get(input)!.map((f) => problem(f.field, "INVALID_VALUE", f.message)));
        if (result.problems.length > 0) continue;
        const key = input.registrationNumber ?? `group:${groupKey(input.adminUnitCode, input.name)}`;
        if (seen.has(key)) {
          const first = seen.get(key);
          throw input.registrationNumber
            ? conflict(
                `Registration number ${input.registrationNumber} is also on ${first != null ? `row ${first}` : "an earlier row"} of this file.`,
                "input.registrationNumber",
                "DUPLICATE_REGISTRATION_NUMBER",
              )
            : conflict(
                `The group ${cleanText(input.name)} in the same unit is also on ${first != null ? `row ${first}` : "an earlier row"} of this file.`,
                "input.name",
                "DUPLICATE_GROUP",
              );
        }
        seen.set(key, row.rowNumber ?? null);
        const found = input.registrationNumber ? byNumber.get(input.registrationNumber) : byGroup.get(groupKey(input.adminUnitCode, input.name));
        if (!found) {
          const org = await checkRegistration(lookups, manager, input);
          creates.push({ org, row, index });
          result.outcome = ImportOutcome.CREATED;
          continue;
        }
        result.organizationId = found.id;
        if (found.kind !== input.kind) {
          throw conflict(
            `${found.name} is registered as ${found.kind}; the row says ${input.kind}. The legal form cannot be changed by an import.`,
            "input.kind",
            "KIND_MISMATCH",
          );
        }
        if (found.establishedOn !== input.establishedOn) {
          throw conflict(
            `${found.name} was established on ${found.establishedOn} in the graph; the row says ${input.establishedOn}. Correct the file, or the record through the Alliance's office.`,
            "input.establishedOn",
            "ESTABLISHED_ON_DIFFERS",
          );
        }
        const wanted: Partial<Organization> = {
          name: cleanText(input.name),
          adminUnitCode: input.adminUnitCode,
          sector: input.sector,
          status: input.status,
          address: input.address ? cleanText(input.address) : null,
          representative: input.representative ? cleanText(input.representative) : null,
        };
        const differing = Object.fromEntries(
          FIELDS_COMPARED.filter((f) => (wanted[f] ?? null) !== (found[f] ?? null) && wanted[f] != null).map((f) => [f, wanted[f]]),
        );
        if (Object.keys(differing).length === 0) {
          result.outcome = ImportOutcome.UNCHANGED;
          continue;
        }
        const changes = await checkChanges(lookups, found, differing, async () => officialCounts.get(found.id) ?? 0);
        updates.push({ before: found, changes, row });
        result.outcome = ImportOutcome.UPDATED;
      } catch (error) {
        failed(index, error);
      }
    }

    // The registration's own checks name the unit's code; the row's field is the unit as written.
    for (const p of results.flatMap((r) => r.problems)) if (p.field === "adminUnitCode") p.field = "adminUnit";
    const { counts, written } = importDecision(results, dryRun, skipInvalid);
    if (written) for (const { org, index } of creates) results[index].organizationId = org.id;
    const result = Object.assign(new ImportOrganizationsPayload(), { dryRun, written, counts, results });
    return written ? { result, write: () => this.write(manager, creates, updates) } : { result };
  }

  /** Active official members of each organisation, in one statement. */
  private async officialCounts(manager: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const counted: { organization_id: string; n: string }[] = await manager.query(
      "SELECT organization_id, count(*) AS n FROM member WHERE organization_id = ANY($1) AND membership_type = $2 AND left_on IS NULL GROUP BY organization_id",
      [ids, MembershipType.OFFICIAL],
    );
    return new Map(counted.map((c) => [c.organization_id, Number(c.n)]));
  }

  private async write(
    manager: EntityManager,
    creates: { org: Organization; row: OrganizationImportRow }[],
    updates: { before: Organization; changes: Partial<Organization>; row: OrganizationImportRow }[],
  ): Promise<void> {
    const audits: AuditEntry[] = [];
    if (creates.length > 0) {
      // One COPY: PostgreSQL inserts the rows in bulk (bench:import: a third less of its time than INSERT … FROM unnest).
      await copyRows(
        manager,
        "organization",
        [
          "id",
          "kind",
          "name",
          "registration_number",
          "admin_unit_code",
          "commune_id",
          "commune_since",
          "sector",
          "status",
          "established_on",
          "address",
          "representative",
          "version",
        ],
        creates.map(({ org: o }) => [
          o.id,
          o.kind,
          o.name,
          o.registrationNumber,
          o.adminUnitCode,
          o.communeId,
          o.communeSince,
          o.sector,
          o.status,
          o.establishedOn,
          o.address,
          o.representative,
          1,
        ]),
      );
      const members = creates.flatMap(({ org, row }) => (row.members ?? []).map((m) => memberRow(org.id, m)));
      if (members.length > 0) await manager.getRepository(Member).insert(members);
      for (const { org, row } of creates) audits.push({ operation: "importOrganizations", input: row, resultRef: org.id, after: org });
    }
    if (updates.length > 0) {
      // Every changed row in one statement: each takes its own values (the columns it does not change keep theirs).
      const rows = updates.map(({ before, changes }) => ({ ...before, ...changes }));
      await manager.query(
        `UPDATE organization o
            SET name = v.name, admin_unit_code = v.admin_unit_code, commune_id = v.commune_id, commune_since = v.commune_since,
                sector = v.sector, status = v.status, address = v.address, representative = v.representative,
                version = o.version + 1, updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
                AS v(id, version, name, admin_unit_code, commune_id, commune_since, sector, status, address, representative)
          WHERE o.id = v.id AND o.version = v.version`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.version),
          rows.map((r) => r.name),
          rows.map((r) => r.adminUnitCode),
          rows.map((r) => r.communeId ?? null),
          rows.map((r) => r.communeSince ?? null),
          rows.map((r) => r.sector),
          rows.map((r) => r.status),
          rows.map((r) => r.address ?? null),
          rows.map((r) => r.representative ?? null),
        ],
      );
    }
    for (const { before, changes, row } of updates) {
      audits.push({
        operation: "importOrganizations",
        input: row,
        resultRef: before.id,
        before,
        after: { ...before, ...changes, version: before.version + 1 },
      });
    }
    await writeAudits(manager, audits);
  }
}
