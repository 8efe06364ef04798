/**
 * importBeneficiaries and importDisbursements: a programme's approved allocations and its payments,
 * checked by the rules of recordBeneficiary and recordDisbursement. Organisations are asked of
 * membership in one batched look-up before the transaction (no network call holds locks); the
 * programmes, their budget lines and what they have allocated, and the matching beneficiaries and
 * payments are then read in one statement each, under lock, and the batch is written in the same
 * transaction with one audit record per row changed. An allocation matches on its programme and
 * organisation, a payment on its beneficiary, day and amount, so a list imported twice changes
 * nothing the second time.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  confirmOrganization,
  conflict,
  DomainError,
  ErrorCode,
  importPayload,
  importRowsWhere,
  ImportWrites,
  ImportOutcome,
  insertEntities,
  isUuid,
  oncePerFile,
  requireBatchSize,
  rowResults,
  organizationsNamed,
  requireNotDissolvedBy,
  requireNotInFuture,
  writeAudits,
  type GatewayLookup,
} from "@kttt/core";
import { placementNamedOn, unitsShareGround, type Placement } from "@kttt/reference";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { PolicyKind } from "../domain/enums";
import { Agency } from "../entities/agency";
import { Disbursement, SupportBeneficiary } from "../entities/beneficiary";
import { SupportPolicy } from "../entities/support-policy";
import { ProgrammeFunding, SupportProgramme } from "../entities/support-programme";
import { BeneficiaryImportRow, DisbursementImportRow, ImportSupportPayload, MAX_SUPPORT_IMPORT_ROWS, SupportImportRowResult } from "../types/import";
import { checkPeriod, formatVnd, positive } from "./policy-mutations";

type Row = { rowNumber?: number; programmeCode: string; organizationName: string; organizationRegistrationNumber?: string; organizationId?: string };

/** The field that names a row's organisation: its number, or a group's name. */
const organizationField = (row: Row) => (row.organizationRegistrationNumber ? "organizationRegistrationNumber" : "organizationName");

function unknownOrganization(row: Row): DomainError {
  const named = row.organizationRegistrationNumber
    ? `registration number ${cleanText(row.organizationRegistrationNumber)}`
    : `the name ${cleanText(row.organizationName)}`;
  return new DomainError(ErrorCode.NOT_FOUND, `The membership registry has no organisation with ${named}: register it there first, or correct the row.`, {
    field: organizationField(row),
    reason: "ORGANIZATION_NOT_FOUND",
  });
}

/** The rows' results, and the way a row is refused; a batch over the limit is refused whole. */
function batch<R extends Row>(rows: R[]) {
  requireBatchSize(rows, MAX_SUPPORT_IMPORT_ROWS);
  return rowResults<SupportImportRowResult, R>(rows, () => Object.assign(new SupportImportRowResult(), { beneficiaryId: null }));
}

/** The programmes the rows name by code, locked (their allocations are counted against their budget lines until the write). */
async function programmesByCode(manager: EntityManager, rows: Row[]): Promise<Map<string, SupportProgramme>> {
  const codes = [...new Set(rows.map((r) => cleanText(r.programmeCode ?? "")))];
  const found = await importRowsWhere(manager, SupportProgramme, "p", "p.code = ANY(:codes)", { codes }, { ask: codes.length > 0, lock: true });
  return new Map(found.map((p) => [p.code, p]));
}

function programmeOf(programmes: Map<string, SupportProgramme>, row: Row): SupportProgramme {
  const programme = programmes.get(cleanText(row.programmeCode ?? ""));
  if (!programme)
    throw new DomainError(ErrorCode.NOT_FOUND, `No support programme has the code ${cleanText(row.programmeCode ?? "")}.`, {
      field: "programmeCode",
      reason: "PROGRAMME_NOT_FOUND",
    });
  return programme;
}

/** The recorded allocations of these programmes to these organisations, locked, by programme and organisation. */
async function beneficiariesOf(manager: EntityManager, programmes: SupportProgramme[], rows: Row[]): Promise<Map<string, SupportBeneficiary>> {
  const programmeIds = programmes.map((p) => p.id);
  const organizationIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => !!id && isUuid(id)))];
  const condition = "b.programme_id = ANY(:programmeIds) AND b.organization_id = ANY(:organizationIds)";
  const ask = programmeIds.length > 0 && organizationIds.length > 0;
  const found = await importRowsWhere(manager, SupportBeneficiary, "b", condition, { programmeIds, organizationIds }, { ask, lock: true });
  return new Map(found.map((b) => [`${b.programmeId}|${b.organizationId}`, b]));
}

export class SupportImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatewayLookup,
  ) {}

  async beneficiaries(rows: BeneficiaryImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportSupportPayload> {
    const { results, checkEach, eachChecked } = batch(rows);
    const places = checkEach((row): Placement & { unit: { code: string } } => {
      // The organisation lies where the row places it on the approval date, as recordBeneficiary records it.
      const place = placementNamedOn(row, row.approvedOn);
      positive(row.plannedAmount, "plannedAmount", "The approved amount");
      requireNotInFuture(row.approvedOn, "approvedOn", "The approval date");
      const trained = row.managersTrained ?? 0;
      if (trained < 0 || trained > 100)
        throw badInput(`managersTrained must be between 0 and 100; the row says ${trained}.`, "managersTrained", "INVALID_VALUE");
      const support = cleanText(row.support ?? "");
      if (support.length < 3 || support.length > 500) throw badInput("The support must be described in 3 to 500 characters.", "support", "INVALID_VALUE");
      return place;
    });
    const organizations = await organizationsNamed(this.lookup, rows, places, "organizationId");

    return this.dataSource.transaction(async (manager) => {
      const programmes = await programmesByCode(manager, rows);
      const list = [...programmes.values()];
      const ask = { ask: list.length > 0 };
      const policies = new Map(
        (await importRowsWhere(manager, SupportPolicy, "p", "p.id = ANY(:ids)", { ids: list.map((p) => p.policyId) }, ask)).map((p) => [p.id, p]),
      );
      const agencies = new Map(
        (await importRowsWhere(manager, Agency, "a", "a.id = ANY(:ids)", { ids: list.map((p) => p.agencyId) }, ask)).map((a) => [a.id, a]),
      );
      const lines = await importRowsWhere(manager, ProgrammeFunding, "f", "f.programme_id = ANY(:ids)", { ids: list.map((p) => p.id) }, ask);
      const allocated: { programme_id: string; funding_source: string; allocated: string }[] = list.length
        ? await manager.query(
            "SELECT programme_id, funding_source, sum(planned_amount)::text AS allocated FROM support_beneficiary WHERE programme_id = ANY($1) GROUP BY programme_id, funding_source",
            [list.map((p) => p.id)],
          )
        : [];
      const budget = new Map(lines.map((l) => [`${l.programmeId}|${l.source}`, l.plannedAmount]));
      const used = new Map(allocated.map((a) => [`${a.programme_id}|${a.funding_source}`, BigInt(a.allocated)]));
      const existing = await beneficiariesOf(manager, list, rows);

      const writes = new ImportWrites({ entity: SupportBeneficiary, operation: "importBeneficiaries", rows, results, id: "beneficiaryId" });
      const once = oncePerFile();
      eachChecked(places, (row, place, index) => {
        const unitField = row.commune ? "commune" : "adminUnit";
        const programme = programmeOf(programmes, row);
        const found = organizations.get(row.organizationId ?? "");
        if (!row.organizationId || !found) throw unknownOrganization(row);
        const field = organizationField(row);
        confirmOrganization(
          found,
          {
            id: found.id,
            kind: row.organizationKind,
            adminUnitCode: place.unit.code,
            fields: { id: field, kind: "organizationKind", adminUnitCode: unitField },
          },
          unitsShareGround,
        );
        requireNotDissolvedBy(found, row.approvedOn, field, "receive support approved");
        const policy = policies.get(programme.policyId)!;
        const agency = agencies.get(programme.agencyId)!;
        if (!policy.eligibleOrganizationKinds.includes(row.organizationKind)) {
          throw badInput(
            `Policy ${policy.code} does not support ${row.organizationKind}; it supports ${policy.eligibleOrganizationKinds.join(", ")}.`,
            "organizationKind",
            "NOT_ELIGIBLE",
          );
        }
        if (agency.adminUnitCode && agency.adminUnitCode !== place.adminUnitCode) {
          throw badInput(
            `${agency.name} supports organisations registered in its own unit (${agency.adminUnitCode}), not in ${place.adminUnitCode}.`,
            unitField,
            "OUTSIDE_PROGRAMME_AREA",
          );
        }
        checkPeriod(programme, row.approvedOn, "approvedOn", "The approval date");
        const trained = row.managersTrained ?? 0;
        if (trained > 0 && policy.kind !== PolicyKind.HUMAN_RESOURCES)
          throw badInput("Managers trained are recorded for training programmes only.", "managersTrained", "NOT_A_TRAINING_PROGRAMME");
        const lineKey = `${programme.id}|${row.fundingSource}`;
        const line = budget.get(lineKey);
        if (line === undefined)
          throw badInput(`Programme ${programme.code} has no ${row.fundingSource} budget line.`, "fundingSource", "FUNDING_SOURCE_NOT_IN_PROGRAMME");
        const key = `${programme.id}|${found.id}`;
        once(key, row.rowNumber, (earlier) =>
          conflict(`${cleanText(row.organizationName)} is also a beneficiary of ${programme.code} on ${earlier} of this file.`, field, "ALREADY_BENEFICIARY"),
        );
        const before = existing.get(key) ?? null;
        if (before && (before.fundingSource !== row.fundingSource || before.approvedOn !== row.approvedOn)) {
          throw conflict(
            `The allocation to ${found.name} is recorded on the ${before.fundingSource} line, approved on ${before.approvedOn}; an import does not move it. Correct the file.`,
            before.approvedOn !== row.approvedOn ? "approvedOn" : "fundingSource",
            "ALLOCATION_DIFFERS",
          );
        }
        if (before && row.plannedAmount < before.disbursedAmount && !before.overPlanReason) {
          throw badInput(
            `${formatVnd(before.disbursedAmount)} has been paid to ${found.name} already; the approved amount cannot fall below it.`,
            "plannedAmount",
            "PLANNED_BELOW_DISBURSED",
          );
        }
        const left = line - (used.get(lineKey) ?? 0n) + (before?.plannedAmount ?? 0n);
        if (row.plannedAmount > left) {
          throw badInput(
            `The ${row.fundingSource} line of ${programme.code} has ${formatVnd(left)} left of ${formatVnd(line)}; ${formatVnd(row.plannedAmount)} does not fit.`,
            "plannedAmount",
            "BUDGET_LINE_EXCEEDED",
          );
        }
        used.set(lineKey, (used.get(lineKey) ?? 0n) - (before?.plannedAmount ?? 0n) + row.plannedAmount);
        // A row naming a commune moves the allocation's organisation there (since the approval date); one naming a district only keeps it.
        const wanted = {
          support: cleanText(row.support),
          plannedAmount: row.plannedAmount,
          managersTrained: trained,
          adminUnitCode: place.adminUnitCode,
          ...(place.communeId ? { communeId: place.communeId } : {}),
        };
        if (!before) {
          const beneficiary = Object.assign(new SupportBeneficiary(), {
            id: randomUUID(),
            programmeId: programme.id,
            organizationId: found.id,
            organizationKind: row.organizationKind,
            fundingSource: row.fundingSource,
            ...wanted,
            communeId: place.communeId,
            communeSince: place.communeSince,
            disbursedAmount: 0n,
            approvedOn: row.approvedOn,
            overPlanReason: null,
            version: 1,
          });
          writes.create(beneficiary, index);
          return;
        }
        writes.update(before, wanted, index, place.communeSince);
      });
      return writes.finish(manager, ImportSupportPayload, dryRun, skipInvalid);
    });
  }

  async disbursements(rows: DisbursementImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportSupportPayload> {
    const { results, checkEach, eachChecked } = batch(rows);
    const valid = checkEach((row) => {
      positive(row.amount, "amount", "A payment");
      requireNotInFuture(row.disbursedOn, "disbursedOn", "The payment date");
      const reason = cleanOptionalText(row.overrideReason);
      if (reason && (reason.length < 10 || reason.length > 500))
        throw badInput("overrideReason must be 10 to 500 characters.", "overrideReason", "INVALID_VALUE");
      return true;
    });
    return this.dataSource.transaction(async (manager) => {
      const programmes = await programmesByCode(manager, rows);
      const beneficiaries = await beneficiariesOf(manager, [...programmes.values()], rows);
      const ids = [...beneficiaries.values()].map((b) => b.id);
      const paid = await importRowsWhere(manager, Disbursement, "d", "d.beneficiary_id = ANY(:ids)", { ids }, { ask: ids.length > 0 });
      const paidKeys = new Set(paid.map((d) => `${d.beneficiaryId}|${d.disbursedOn}|${d.amount}`));
      const totals = new Map([...beneficiaries.values()].map((b) => [b.id, b.disbursedAmount]));

      const payments: { disbursement: Disbursement; beneficiary: SupportBeneficiary; index: number }[] = [];
      const once = oncePerFile();
      eachChecked(valid, (row, _valid, index, result) => {
        const programme = programmeOf(programmes, row);
        if (!row.organizationId) throw unknownOrganization(row);
        const beneficiary = beneficiaries.get(`${programme.id}|${row.organizationId}`);
        if (!beneficiary) {
          throw new DomainError(
            ErrorCode.NOT_FOUND,
            `${cleanText(row.organizationName)} has no allocation under ${programme.code}: import the allocation (importBeneficiaries) first.`,
            { field: organizationField(row), reason: "BENEFICIARY_NOT_FOUND" },
          );
        }
        result.beneficiaryId = beneficiary.id;
        const key = `${beneficiary.id}|${row.disbursedOn}|${row.amount}`;
        once(key, row.rowNumber, (earlier) =>
          conflict(`The same payment (${formatVnd(row.amount)} on ${row.disbursedOn}) is also on ${earlier} of this file.`, "amount", "DUPLICATE_PAYMENT"),
        );
        if (paidKeys.has(key)) {
          result.outcome = ImportOutcome.UNCHANGED;
          return;
        }
        if (row.disbursedOn < beneficiary.approvedOn)
          throw badInput(`A payment (${row.disbursedOn}) cannot precede the approval (${beneficiary.approvedOn}).`, "disbursedOn", "DISBURSED_BEFORE_APPROVAL");
        checkPeriod(programme, row.disbursedOn, "disbursedOn", "The payment date");
        const total = totals.get(beneficiary.id)!;
        const after = total + row.amount;
        const reason = cleanOptionalText(row.overrideReason);
        if (after > beneficiary.plannedAmount && !reason) {
          throw badInput(
            `Paying ${formatVnd(row.amount)} would bring the total paid to ${formatVnd(after)}, above the ${formatVnd(beneficiary.plannedAmount)} approved. Pay at most what is left, or give a reason to pay more.`,
            "amount",
            "DISBURSEMENT_EXCEEDS_PLANNED",
          );
        }
        if (after <= beneficiary.plannedAmount && reason)
          throw badInput("A reason is only for a payment above the approved amount; this one fits. Leave it out.", "overrideReason", "OVERRIDE_NOT_NEEDED");
        totals.set(beneficiary.id, after);
        const disbursement = Object.assign(new Disbursement(), {
          id: randomUUID(),
          beneficiaryId: beneficiary.id,
          amount: row.amount,
          disbursedOn: row.disbursedOn,
          overrideReason: reason,
          note: cleanOptionalText(row.note),
        });
        payments.push({ disbursement, beneficiary, index });
        result.outcome = ImportOutcome.UPDATED;
      });
      const payload = importPayload(ImportSupportPayload, results, dryRun, skipInvalid);
      if (payload.written) await this.pay(manager, rows, payments);
      return payload;
    });
  }

  /** The payments, and each beneficiary's total paid moved once to its new sum. */
  private async pay(
    manager: EntityManager,
    rows: DisbursementImportRow[],
    payments: { disbursement: Disbursement; beneficiary: SupportBeneficiary; index: number }[],
  ): Promise<void> {
    const disbursements = payments.map((p) => p.disbursement);
    await insertEntities(manager, Disbursement, disbursements);
    const byBeneficiary = new Map<string, { beneficiary: SupportBeneficiary; total: bigint; reason: string | null }>();
    for (const { disbursement, beneficiary } of payments) {
      const entry = byBeneficiary.get(beneficiary.id) ?? { beneficiary, total: beneficiary.disbursedAmount, reason: beneficiary.overPlanReason };
      entry.total += disbursement.amount;
      if (disbursement.overrideReason) entry.reason = disbursement.overrideReason;
      byBeneficiary.set(beneficiary.id, entry);
    }
    for (const { beneficiary: b, total, reason } of byBeneficiary.values()) {
      await manager
        .createQueryBuilder()
        .update(SupportBeneficiary)
        .set({ disbursedAmount: total, overPlanReason: reason, version: b.version + 1 })
        .where("id = :id AND version = :version", { id: b.id, version: b.version })
        .execute();
    }
    await writeAudits(
      manager,
      payments.map(({ disbursement, index }) => ({ operation: "importDisbursements", input: rows[index], resultRef: disbursement.id, after: disbursement })),
    );
  }
}
