/**
 * The policy-support writes. Each runs in one transaction, checks the rules a finance officer
 * would check, and answers with a DomainError naming the field at fault; database constraints
 * back the rules (unique numbers, budget-line foreign keys, disbursed ≤ planned unless overridden).
 * A beneficiary is checked against membership through the gateway before the transaction opens (no
 * network call holds a lock).
 * With an idempotency key, a retried write (a payment above all) answers with the first one's
 * result instead of writing again.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  confirmOrganization,
  conflict,
  currentYear,
  type GatewayLookup,
  notFound,
  organizationsById,
  loadById,
  recordedWrite,
  requireNotDissolvedBy,
  requireNotInFuture,
  today,
  versionConflict,
  requireId,
  findById,
  insertNew,
} from "@kttt/core";
import { adminUnitByCode, placementOn, unitsShareGround } from "@kttt/reference";
import { randomUUID } from "node:crypto";
import { In, type DataSource } from "typeorm";
import { AgencyKind, INDICATOR_UNIT, IndicatorUnit, LegalDocumentType, POLICY_KIND_LABEL, PolicyKind, ProgrammeStatus } from "../domain/enums";
import { Agency } from "../entities/agency";
import { Disbursement, SupportBeneficiary } from "../entities/beneficiary";
import { DevelopmentPlan, PlanTarget } from "../entities/development-plan";
import { LegalDocument } from "../entities/legal-document";
import { PolicyLegalBasis, SupportPolicy } from "../entities/support-policy";
import { ProgrammeFunding, SupportProgramme } from "../entities/support-programme";
import type {
  CreateSupportPolicyInput,
  CreateSupportProgrammeInput,
  IndicatorValueInput,
  IssueLegalDocumentInput,
  RecordBeneficiaryInput,
  RecordDevelopmentPlanInput,
  RecordDisbursementInput,
  RecordPlanActualsInput,
} from "../types/inputs";

export const formatVnd = (amount: bigint) => `${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/gu, ".")} đ`;

/** DUPLICATE_CODE at `input.code`: another policy or programme has the code. */
const codeTaken = (what: string, code: string) => conflict(`A ${what} with code ${code} already exists.`, "input.code", "DUPLICATE_CODE");

export function positive(amount: bigint, field: string, what: string): void {
  if (amount <= 0n) throw badInput(`${what} must be more than 0 đồng.`, field, "NON_POSITIVE_AMOUNT");
}

export function checkPeriod(programme: SupportProgramme, date: string, field: string, what: string): void {
  if (date < programme.startsOn || date > programme.endsOn) {
    throw badInput(
      `${what} (${date}) is outside the programme's period, ${programme.startsOn} to ${programme.endsOn}.`,
      field,
      "DATE_OUTSIDE_PROGRAMME_PERIOD",
      { startsOn: programme.startsOn, endsOn: programme.endsOn },
    );
  }
  if (programme.status !== ProgrammeStatus.OPEN) {
    throw badInput(`Programme ${programme.code} is closed; nothing more can be recorded on it.`, field, "PROGRAMME_CLOSED");
  }
}

function indicatorValue(item: IndicatorValueInput, field: string): { value: string | null; amount: bigint | null } {
  const unit = INDICATOR_UNIT[item.indicator];
  if (unit === IndicatorUnit.VND) {
    if (item.value != null) throw badInput(`${item.indicator} is an amount of money: give amount, not value.`, `${field}.value`, "AMOUNT_REQUIRED");
    if (item.amount == null) throw badInput(`${item.indicator} needs amount (VND).`, `${field}.amount`, "AMOUNT_REQUIRED");
    if (item.amount < 0n) throw badInput("amount cannot be negative.", `${field}.amount`, "NEGATIVE_AMOUNT");
    return { value: null, amount: item.amount };
  }
  if (item.amount != null) throw badInput(`${item.indicator} is not money: give value, not amount.`, `${field}.amount`, "VALUE_REQUIRED");
  if (item.value == null)
    throw badInput(`${item.indicator} needs value (${unit === IndicatorUnit.PERCENT ? "a percentage 0–100" : "a count"}).`, `${field}.value`, "VALUE_REQUIRED");
  if (unit === IndicatorUnit.PERCENT && item.value > 100)
    throw badInput(`${item.indicator} is a percentage: at most 100.`, `${field}.value`, "PERCENT_OUT_OF_RANGE");
  if (unit === IndicatorUnit.COUNT && !Number.isInteger(item.value))
    throw badInput(`${item.indicator} is a count: a whole number.`, `${field}.value`, "COUNT_NOT_WHOLE");
  return { value: item.value.toFixed(2), amount: null };
}

function noRepeatedIndicators(items: IndicatorValueInput[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.indicator)) throw badInput(`${item.indicator} is given twice.`, `${field}.${i}.indicator`, "DUPLICATE_INDICATOR");
    seen.add(item.indicator);
  });
}

export class PolicyMutations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatewayLookup,
  ) {}

  private readonly loadOf = <T extends { id: string }>(entity: abstract new () => T) => loadById(this.dataSource, entity);

  async issueLegalDocument(input: IssueLegalDocumentInput): Promise<LegalDocument> {
    const number = cleanText(input.number);
    const constraints = {
      legal_document_number_key: () => conflict(`Document ${number} is already recorded.`, "input.number", "DUPLICATE_DOCUMENT_NUMBER"),
      legal_document_supersedes_id_key: () =>
        conflict("The document it replaces was replaced by another one meanwhile.", "input.supersedesId", "ALREADY_SUPERSEDED"),
    };
    return recordedWrite(this.dataSource, { operation: "issueLegalDocument", input, load: this.loadOf(LegalDocument), constraints }, async (manager) => {
      const repository = manager.getRepository(LegalDocument);
      const existing = await repository.findOneBy({ number });
      if (existing) throw conflict(`Document ${number} is already recorded.`, "input.number", "DUPLICATE_DOCUMENT_NUMBER", { documentId: existing.id });
      if (input.issuedOn) requireNotInFuture(input.issuedOn, "input.issuedOn", "The date of issue");
      if (input.issuedOn && input.effectiveOn && input.effectiveOn < input.issuedOn) {
        throw badInput(
          `A document cannot take effect (${input.effectiveOn}) before it is issued (${input.issuedOn}).`,
          "input.effectiveOn",
          "EFFECTIVE_BEFORE_ISSUED",
        );
      }
      if (input.supersedesId) {
        const old = await findById(manager, LegalDocument, input.supersedesId, "input.supersedesId", "Document", true);
        if (old.type !== input.type) {
          throw badInput(
            `A ${input.type.toLowerCase()} cannot replace ${old.number}, a ${old.type.toLowerCase()}.`,
            "input.supersedesId",
            "SUPERSEDED_TYPE_MISMATCH",
          );
        }
        const successor = await repository.findOneBy({ supersedesId: old.id });
        if (successor)
          throw conflict(`${old.number} was already replaced by ${successor.number}.`, "input.supersedesId", "ALREADY_SUPERSEDED", {
            successorId: successor.id,
          });
      }
      return insertNew(manager, LegalDocument, {
        number,
        type: input.type,
        title: cleanText(input.title),
        issuer: cleanText(input.issuer),
        issuedOn: input.issuedOn ?? null,
        effectiveOn: input.effectiveOn ?? null,
        supersedesId: input.supersedesId ?? null,
        note: cleanOptionalText(input.note),
        version: 1,
      });
    });
  }

  async createSupportPolicy(input: CreateSupportPolicyInput): Promise<SupportPolicy> {
    const constraints = { support_policy_code_key: () => codeTaken("policy", input.code) };
    return recordedWrite(this.dataSource, { operation: "createSupportPolicy", input, load: this.loadOf(SupportPolicy), constraints }, async (manager) => {
      if (await manager.getRepository(SupportPolicy).existsBy({ code: input.code })) throw codeTaken("policy", input.code);
      const ids = [...new Set(input.legalBasisIds)];
      ids.forEach((id) => requireId(id, `input.legalBasisIds.${input.legalBasisIds.indexOf(id)}`, "Document"));
      const documents = await manager.getRepository(LegalDocument).findBy({ id: In(ids) });
      const missing = ids.find((id) => !documents.some((d) => d.id === id));
      if (missing) throw notFound(`No document has the id ${missing}.`, `input.legalBasisIds.${input.legalBasisIds.indexOf(missing)}`);
      const successors = await manager.getRepository(LegalDocument).findBy({ supersedesId: In(ids) });
      const replaced = successors.find((s) => s.effectiveOn === null || s.effectiveOn <= today());
      if (replaced) {
        const old = documents.find((d) => d.id === replaced.supersedesId)!;
        throw badInput(
          `${old.number} has been replaced by ${replaced.number}; cite the document in force.`,
          `input.legalBasisIds.${input.legalBasisIds.indexOf(old.id)}`,
          "SUPERSEDED_LEGAL_BASIS",
          { successorId: replaced.id },
        );
      }
      const policy = await insertNew(manager, SupportPolicy, {
        code: input.code,
        name: cleanText(input.name),
        kind: input.kind,
        description: cleanOptionalText(input.description),
        eligibleOrganizationKinds: [...new Set(input.eligibleOrganizationKinds)],
        version: 1,
      });
      await manager.getRepository(PolicyLegalBasis).insert(ids.map((documentId) => ({ policyId: policy.id, documentId })));
      return policy;
    });
  }

  async createSupportProgramme(input: CreateSupportProgrammeInput): Promise<SupportProgramme> {
    const constraints = { support_programme_code_key: () => codeTaken("programme", input.code) };
    return recordedWrite(this.dataSource, { operation: "createSupportProgramme", input, load: this.loadOf(SupportProgramme), constraints }, async (manager) => {
      if (await manager.getRepository(SupportProgramme).existsBy({ code: input.code })) throw codeTaken("programme", input.code);
      const policy = await findById(manager, SupportPolicy, input.policyId, "input.policyId", "Policy");
      const agency = await findById(manager, Agency, input.agencyId, "input.agencyId", "Agency");
      if (!agency.responsibleKinds.includes(policy.kind)) {
        throw badInput(
          `${agency.name} is not responsible for ${POLICY_KIND_LABEL[policy.kind].toLowerCase()}; it handles: ${agency.responsibleKinds.map((k) => POLICY_KIND_LABEL[k as PolicyKind].toLowerCase()).join("; ")}.`,
          "input.agencyId",
          "AGENCY_NOT_RESPONSIBLE",
        );
      }
      if (input.endsOn < input.startsOn) {
        throw badInput(`A programme cannot end (${input.endsOn}) before it starts (${input.startsOn}).`, "input.endsOn", "ENDS_BEFORE_START");
      }
      if (agency.kind === AgencyKind.DISTRICT_COMMITTEE) {
        const unit = adminUnitByCode(agency.adminUnitCode!)!;
        if (unit.validTo !== null && input.endsOn > unit.validTo) {
          throw badInput(
            `${unit.name} ceased to exist after ${unit.validTo}; its committee cannot run a programme until ${input.endsOn}.`,
            "input.endsOn",
            "ADMIN_UNIT_NOT_VALID_ON_DATE",
          );
        }
      }
      const sources = new Set<string>();
      input.funding.forEach((line, i) => {
        if (sources.has(line.source))
          throw badInput(`Funding source ${line.source} is given twice; give one line per source.`, `input.funding.${i}.source`, "DUPLICATE_FUNDING_SOURCE");
        sources.add(line.source);
        positive(line.plannedAmount, `input.funding.${i}.plannedAmount`, "A budget line");
      });
      const programme = await insertNew(manager, SupportProgramme, {
        code: input.code,
        name: cleanText(input.name),
        policyId: policy.id,
        agencyId: agency.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: ProgrammeStatus.OPEN,
        version: 1,
      });
      await manager
        .getRepository(ProgrammeFunding)
        .insert(input.funding.map((line) => ({ programmeId: programme.id, source: line.source, plannedAmount: line.plannedAmount })));
      return programme;
    });
  }

  /**
   * The organisation as membership knows it must be the one the approval names: it exists, has the
   * legal form and the registered unit given, and was not dissolved by the approval date (support
   * approved before a dissolution can still be recorded).
   */
  private async confirmBeneficiary(input: RecordBeneficiaryInput): Promise<void> {
    requireId(input.organizationId, "input.organizationId", "Organisation");
    placementOn(input.adminUnitCode, input.approvedOn, "input.adminUnitCode");
    const { organizations } = await this.lookup.find({ organizations: organizationsById([input.organizationId], "input.organizationId") });
    const organization = confirmOrganization(
      organizations.get(input.organizationId),
      {
        id: input.organizationId,
        kind: input.organizationKind,
        adminUnitCode: input.adminUnitCode,
        fields: { id: "input.organizationId", kind: "input.organizationKind", adminUnitCode: "input.adminUnitCode" },
      },
      unitsShareGround,
    );
    requireNotDissolvedBy(organization, input.approvedOn, "input.organizationId", "receive support approved");
  }

  async recordBeneficiary(input: RecordBeneficiaryInput): Promise<SupportBeneficiary> {
    const constraints = {
      support_beneficiary_programme_id_organization_id_key: () =>
        conflict("This organisation is already a beneficiary of the programme.", "input.organizationId", "ALREADY_BENEFICIARY"),
    };
    return recordedWrite(
      this.dataSource,
      { operation: "recordBeneficiary", input, load: this.loadOf(SupportBeneficiary), prepare: () => this.confirmBeneficiary(input), constraints },
      async (manager) => {
        // The programme row lock serialises allocations against its budget lines.
        const programme = await findById(manager, SupportProgramme, input.programmeId, "input.programmeId", "Programme", true);
        const policy = await manager.getRepository(SupportPolicy).findOneByOrFail({ id: programme.policyId });
        const agency = await manager.getRepository(Agency).findOneByOrFail({ id: programme.agencyId });
        if (!policy.eligibleOrganizationKinds.includes(input.organizationKind)) {
          throw badInput(
            `Policy ${policy.code} does not support ${input.organizationKind}; it supports ${policy.eligibleOrganizationKinds.join(", ")}.`,
            "input.organizationKind",
            "NOT_ELIGIBLE",
          );
        }
        // The organisation lies where the unit named is on the approval date: a commune places it there since that day.
        const place = placementOn(input.adminUnitCode, input.approvedOn, "input.adminUnitCode");
        if (agency.adminUnitCode && agency.adminUnitCode !== place.adminUnitCode) {
          throw badInput(
            `${agency.name} supports organisations registered in its own unit (${agency.adminUnitCode}), not in ${input.adminUnitCode}.`,
            "input.adminUnitCode",
            "OUTSIDE_PROGRAMME_AREA",
          );
        }
        positive(input.plannedAmount, "input.plannedAmount", "The approved amount");
        requireNotInFuture(input.approvedOn, "input.approvedOn", "The approval date");
        checkPeriod(programme, input.approvedOn, "input.approvedOn", "The approval date");
        if (input.managersTrained > 0 && policy.kind !== PolicyKind.HUMAN_RESOURCES) {
          throw badInput("Managers trained are recorded for training programmes only.", "input.managersTrained", "NOT_A_TRAINING_PROGRAMME");
        }
        const line = await manager.getRepository(ProgrammeFunding).findOneBy({ programmeId: programme.id, source: input.fundingSource });
        if (!line)
          throw badInput(`Programme ${programme.code} has no ${input.fundingSource} budget line.`, "input.fundingSource", "FUNDING_SOURCE_NOT_IN_PROGRAMME");
        const [{ allocated }] = await manager.query(
          "SELECT coalesce(sum(planned_amount), 0)::text AS allocated FROM support_beneficiary WHERE programme_id = $1 AND funding_source = $2",
          [programme.id, input.fundingSource],
        );
        const left = line.plannedAmount - BigInt(allocated);
        if (input.plannedAmount > left) {
          throw badInput(
            `The ${input.fundingSource} line of ${programme.code} has ${formatVnd(left)} left of ${formatVnd(line.plannedAmount)}; ${formatVnd(input.plannedAmount)} does not fit.`,
            "input.plannedAmount",
            "BUDGET_LINE_EXCEEDED",
            { budget: line.plannedAmount.toString(), allocated: String(allocated), available: left.toString() },
          );
        }
        if (await manager.getRepository(SupportBeneficiary).existsBy({ programmeId: programme.id, organizationId: input.organizationId })) {
          throw conflict(
            "This organisation is already a beneficiary of the programme; record further payments on that allocation.",
            "input.organizationId",
            "ALREADY_BENEFICIARY",
          );
        }
        return insertNew(manager, SupportBeneficiary, {
          programmeId: programme.id,
          organizationId: input.organizationId,
          organizationKind: input.organizationKind,
          ...place,
          fundingSource: input.fundingSource,
          support: cleanText(input.support),
          plannedAmount: input.plannedAmount,
          disbursedAmount: 0n,
          managersTrained: input.managersTrained,
          approvedOn: input.approvedOn,
          overPlanReason: null,
          version: 1,
        });
      },
    );
  }

  async recordDisbursement(input: RecordDisbursementInput): Promise<SupportBeneficiary> {
    return recordedWrite(this.dataSource, { operation: "recordDisbursement", input, load: this.loadOf(SupportBeneficiary) }, async (manager, keepBefore) => {
      const beneficiary = keepBefore(await findById(manager, SupportBeneficiary, input.beneficiaryId, "input.beneficiaryId", "Beneficiary", true));
      const programme = await manager.getRepository(SupportProgramme).findOneByOrFail({ id: beneficiary.programmeId });
      positive(input.amount, "input.amount", "A payment");
      requireNotInFuture(input.disbursedOn, "input.disbursedOn", "The payment date");
      if (input.disbursedOn < beneficiary.approvedOn) {
        throw badInput(
          `A payment (${input.disbursedOn}) cannot precede the approval (${beneficiary.approvedOn}).`,
          "input.disbursedOn",
          "DISBURSED_BEFORE_APPROVAL",
        );
      }
      checkPeriod(programme, input.disbursedOn, "input.disbursedOn", "The payment date");
      const after = beneficiary.disbursedAmount + input.amount;
      const overrideReason = cleanOptionalText(input.overrideReason);
      const exceeds = after > beneficiary.plannedAmount;
      const details = {
        planned: beneficiary.plannedAmount.toString(),
        disbursed: beneficiary.disbursedAmount.toString(),
        remaining: beneficiary.remainingAmount().toString(),
      };
      if (exceeds && !overrideReason) {
        throw badInput(
          `Paying ${formatVnd(input.amount)} would bring the total paid to ${formatVnd(after)}, above the ${formatVnd(beneficiary.plannedAmount)} approved ` +
            `(${formatVnd(beneficiary.remainingAmount())} left). Pay at most what is left, or give overrideReason to pay more.`,
          "input.amount",
          "DISBURSEMENT_EXCEEDS_PLANNED",
          details,
        );
      }
      if (!exceeds && overrideReason) {
        throw badInput(
          "overrideReason is only for a payment above the approved amount; this one fits. Leave it out.",
          "input.overrideReason",
          "OVERRIDE_NOT_NEEDED",
          details,
        );
      }
      await manager.getRepository(Disbursement).insert({
        id: randomUUID(),
        beneficiaryId: beneficiary.id,
        amount: input.amount,
        disbursedOn: input.disbursedOn,
        overrideReason: exceeds ? overrideReason : null,
        note: cleanOptionalText(input.note),
      });
      await manager
        .getRepository(SupportBeneficiary)
        .update(
          { id: beneficiary.id, version: beneficiary.version },
          { disbursedAmount: after, overPlanReason: exceeds ? overrideReason : beneficiary.overPlanReason, version: beneficiary.version + 1 },
        );
      return manager.getRepository(SupportBeneficiary).findOneByOrFail({ id: beneficiary.id });
    });
  }

  async recordDevelopmentPlan(input: RecordDevelopmentPlanInput): Promise<DevelopmentPlan> {
    const constraints = {
      development_plan_year_key: () => conflict(`A plan for ${input.year} is already recorded.`, "input.year", "PLAN_EXISTS"),
      development_plan_document_id_key: () => conflict("That document already sets out another year's plan.", "input.documentId", "DOCUMENT_ALREADY_USED"),
    };
    return recordedWrite(this.dataSource, { operation: "recordDevelopmentPlan", input, load: this.loadOf(DevelopmentPlan), constraints }, async (manager) => {
      if (await manager.getRepository(DevelopmentPlan).existsBy({ year: input.year })) {
        throw conflict(`A plan for ${input.year} is already recorded; record its results with recordPlanActuals.`, "input.year", "PLAN_EXISTS");
      }
      const document = await findById(manager, LegalDocument, input.documentId, "input.documentId", "Document");
      if (document.type !== LegalDocumentType.PLAN) {
        throw badInput(`${document.number} is a ${document.type.toLowerCase()}, not a plan (kế hoạch).`, "input.documentId", "DOCUMENT_NOT_A_PLAN");
      }
      if (await manager.getRepository(DevelopmentPlan).existsBy({ documentId: document.id })) {
        throw conflict(`${document.number} already sets out another year's plan.`, "input.documentId", "DOCUMENT_ALREADY_USED");
      }
      noRepeatedIndicators(input.targets, "input.targets");
      const values = input.targets.map((t, i) => ({ indicator: t.indicator, ...indicatorValue(t, `input.targets.${i}`) }));
      const plan = await insertNew(manager, DevelopmentPlan, {
        year: input.year,
        documentId: document.id,
        title: cleanText(input.title),
        note: cleanOptionalText(input.note),
        version: 1,
      });
      await manager.query(
        `INSERT INTO plan_target (plan_id, indicator, target_value, target_amount) SELECT $1, * FROM unnest($2::text[], $3::numeric[], $4::bigint[])`,
        [plan.id, values.map((v) => v.indicator), values.map((v) => v.value), values.map((v) => v.amount?.toString() ?? null)],
      );
      return plan;
    });
  }

  async recordPlanActuals(input: RecordPlanActualsInput): Promise<DevelopmentPlan> {
    return recordedWrite(this.dataSource, { operation: "recordPlanActuals", input, load: this.loadOf(DevelopmentPlan) }, async (manager, keepBefore) => {
      const plan = keepBefore(
        await manager
          .getRepository(DevelopmentPlan)
          .createQueryBuilder("p")
          .setLock("pessimistic_write")
          .where("p.year = :year", { year: input.year })
          .getOne(),
      );
      if (!plan) throw notFound(`No plan is recorded for ${input.year}.`, "input.year");
      if (plan.version !== input.version) throw versionConflict("This plan", input.version, plan.version);
      if (input.year > currentYear()) throw badInput(`Results of ${input.year} cannot be known yet.`, "input.year", "YEAR_NOT_STARTED");
      noRepeatedIndicators(input.actuals, "input.actuals");
      const targets = await manager.getRepository(PlanTarget).findBy({ planId: plan.id });
      for (const [i, item] of input.actuals.entries()) {
        if (!targets.some((t) => t.indicator === item.indicator)) {
          throw badInput(`The ${input.year} plan has no target for ${item.indicator}.`, `input.actuals.${i}.indicator`, "INDICATOR_NOT_IN_PLAN");
        }
        const { value, amount } = indicatorValue(item, `input.actuals.${i}`);
        await manager.query("UPDATE plan_target SET actual_value = $3, actual_amount = $4 WHERE plan_id = $1 AND indicator = $2", [
          plan.id,
          item.indicator,
          value,
          amount?.toString() ?? null,
        ]);
      }
      await manager.getRepository(DevelopmentPlan).update({ id: plan.id, version: plan.version }, { version: plan.version + 1 });
      return manager.getRepository(DevelopmentPlan).findOneByOrFail({ id: plan.id });
    });
  }
}
