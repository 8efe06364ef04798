/**
 * The OCOP writes. Each runs in one transaction and answers a rule broken with a DomainError naming
 * the field; the database's CHECK and UNIQUE constraints back every rule. A membership owner is
 * checked with the organisation look-up before the transaction opens (no network call holds locks).
 * With an idempotency key, a retried write answers with the first one's result instead of writing again.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  DomainError,
  ErrorCode,
  loadById,
  notFound,
  organizationsById,
  recordedWrite,
  requireNotInFuture,
  type ConstraintErrors,
  type GatewayLookup,
  requireId,
} from "@kttt/core";
import {
  ocopCurrentCertificate,
  ocopCertificateStatus,
  ocopLevelFor,
  ocopStarsForScore,
  ocopValidUntil,
  OCOP_STAR_BANDS,
  OCOP_SUBGROUPS,
  OCOP_THREE_STAR_PROVINCE_FROM,
  placementOn,
  TWO_TIER_FROM,
} from "@kttt/reference";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { COLLECTIVE_OWNER_TYPES, kindOf, OcopOwnerType } from "../domain/enums";
import { OcopCertification } from "../entities/certification";
import { OcopLocalOwner } from "../entities/owner";
import { OcopProduct } from "../entities/product";
import type { OcopAssessmentInput, RegisterOcopProductInput, RevokeOcopCertificationInput } from "../types/inputs";

/** What the unique constraints a registration can break mean, when a write committed meanwhile breaks them. */
function registrationConstraints(input: RegisterOcopProductInput): ConstraintErrors {
  const duplicateProduct = () => conflict(`This owner already has a product named ${cleanText(input.name)}.`, "input.name", "DUPLICATE_PRODUCT");
  return {
    ocop_product_name_owner_organization_id_key: duplicateProduct,
    ocop_product_name_owner_id_key: duplicateProduct,
    ocop_owner_registration_number_key: () =>
      conflict(
        `Registration number ${input.owner.newLocalOwner?.registrationNumber} was recorded for another owner meanwhile; use its localOwnerId.`,
        "input.owner.newLocalOwner.registrationNumber",
        "DUPLICATE_REGISTRATION_NUMBER",
      ),
  };
}

/** Checks that a membership organisation may own a product; returns its owner type. */
async function checkOrganization(lookup: GatewayLookup, id: string, field: string): Promise<OcopOwnerType> {
  requireId(id, field, "Organisation");
  const found = (await lookup.find({ organizations: organizationsById([id], field) })).organizations.get(id);
  if (!found) {
    throw new DomainError(ErrorCode.NOT_FOUND, `The membership registry has no organisation with the id ${id}.`, { field, reason: "OWNER_NOT_FOUND" });
  }
  const type = COLLECTIVE_OWNER_TYPES[found.typename];
  if (!type)
    throw badInput(`${found.typename} ${id} cannot own an OCOP product: owners are cooperatives, cooperative groups or unions.`, field, "WRONG_OWNER_TYPE");
  if (found.status === "DISSOLVED") throw badInput(`Organisation ${id} is dissolved and cannot own or certify a product.`, field, "OWNER_DISSOLVED");
  return type;
}

async function lockProduct(manager: EntityManager, id: string, field: string): Promise<OcopProduct> {
  requireId(id, field, "Product");
  const product = await manager.getRepository(OcopProduct).createQueryBuilder("p").setLock("pessimistic_write").where("p.id = :id", { id }).getOne();
  if (!product) throw notFound(`No OCOP product has the id ${id}.`, field);
  return product;
}

/** What a new certificate states: its scores, stars and level, and the decision that recognised them. */
export interface CertificateDecision {
  scoreA: number;
  scoreB: number;
  scoreC: number;
  stars: number;
  level: string;
  decisionNumber: string;
  decidedOn: string;
}

/**
 * A product's next certificate after its `history` (oldest first): numbered after it, a first certificate, an
 * upgrade, a downgrade or a renewal by its stars against the latest one, in force for the legal period.
 */
export function nextCertificate(productId: string, history: readonly OcopCertification[], decision: CertificateDecision): OcopCertification {
  const latest = history[history.length - 1] ?? null;
  const { scoreA, scoreB, scoreC, stars, level, decisionNumber, decidedOn } = decision;
  return Object.assign(new OcopCertification(), {
    id: randomUUID(),
    productId,
    sequence: history.length + 1,
    kind: kindOf(latest?.stars ?? null, stars),
    scoreA,
    scoreB,
    scoreC,
    stars,
    level: level as OcopCertification["level"],
    decisionNumber,
    decidedOn,
    validUntil: ocopValidUntil(decidedOn),
    revokedOn: null,
    revocationReason: null,
    revocationDecisionNumber: null,
    illustrative: false,
    version: 1,
  });
}

export class OcopMutations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: GatewayLookup,
  ) {}

  private readonly loadProduct = loadById(this.dataSource, OcopProduct);
  private readonly loadCertification = loadById(this.dataSource, OcopCertification);

  async register(input: RegisterOcopProductInput): Promise<OcopProduct> {
    const owner = input.owner;
    const subgroup = cleanText(input.subgroup);
    const name = cleanText(input.name);
    const prepare = async () => {
      const given = [owner.organizationId, owner.localOwnerId, owner.newLocalOwner].filter((x) => x !== undefined && x !== null).length;
      if (given !== 1) throw badInput("Give exactly one owner: organizationId, localOwnerId or newLocalOwner.", "input.owner", "OWNER_CHOICE");
      const subgroups = OCOP_SUBGROUPS[input.group];
      if (!subgroups.includes(subgroup)) {
        throw badInput(`"${subgroup}" is not a subgroup of ${input.group}; use one of: ${subgroups.join("; ")}.`, "input.subgroup", "UNKNOWN_SUBGROUP", {
          subgroups,
        });
      }
      requireNotInFuture(input.registeredOn, "input.registeredOn", "The registration date");
      // Units are checked on the registration date: district 444 in 2026 is refused, naming the communes that replaced it.
      const place = placementOn(input.adminUnitCode, input.registeredOn, "input.adminUnitCode");
      const ownerPlace = owner.newLocalOwner
        ? placementOn(owner.newLocalOwner.adminUnitCode, input.registeredOn, "input.owner.newLocalOwner.adminUnitCode")
        : null;
      const organizationType = owner.organizationId ? await checkOrganization(this.organizations, owner.organizationId, "input.owner.organizationId") : null;
      return { organizationType, place, ownerPlace };
    };
    const options = { operation: "registerOcopProduct", input, load: this.loadProduct, prepare, constraints: registrationConstraints(input) };
    return recordedWrite(this.dataSource, options, async (manager, _keepBefore, { organizationType, place, ownerPlace }) => {
      let ownerType: OcopOwnerType;
      let ownerId: string | null = null;
      if (organizationType) ownerType = organizationType;
      else if (owner.localOwnerId) {
        requireId(owner.localOwnerId, "input.owner.localOwnerId", "Owner");
        const local = await manager.getRepository(OcopLocalOwner).findOneBy({ id: owner.localOwnerId });
        if (!local) throw notFound(`No enterprise or household business has the id ${owner.localOwnerId}.`, "input.owner.localOwnerId");
        ownerType = local.type as unknown as OcopOwnerType;
        ownerId = local.id;
      } else {
        const fresh = owner.newLocalOwner!;
        const taken = await manager.getRepository(OcopLocalOwner).findOneBy({ registrationNumber: fresh.registrationNumber });
        if (taken) {
          throw conflict(
            `Registration number ${fresh.registrationNumber} already belongs to ${taken.name}; use localOwnerId ${taken.id}.`,
            "input.owner.newLocalOwner.registrationNumber",
            "DUPLICATE_REGISTRATION_NUMBER",
            { localOwnerId: taken.id },
          );
        }
        const local = Object.assign(new OcopLocalOwner(), {
          id: randomUUID(),
          type: fresh.type,
          name: cleanText(fresh.name),
          registrationNumber: fresh.registrationNumber,
          ...ownerPlace!,
          address: cleanOptionalText(fresh.address),
          representative: cleanOptionalText(fresh.representative),
          version: 1,
        });
        await manager.getRepository(OcopLocalOwner).insert(local);
        ownerType = local.type as unknown as OcopOwnerType;
        ownerId = local.id;
      }
      const product = Object.assign(new OcopProduct(), {
        id: randomUUID(),
        name,
        group: input.group,
        subgroup,
        ...place,
        ownerType,
        ownerOrganizationId: organizationType ? owner.organizationId! : null,
        ownerId,
        registeredOn: input.registeredOn,
        description: cleanOptionalText(input.description),
        illustrative: false,
        version: 1,
      });
      await manager.getRepository(OcopProduct).insert(product);
      return product;
    });
  }

  /** certifyOcopProduct: a product's first certificate. */
  certify(input: OcopAssessmentInput): Promise<OcopCertification> {
    return this.assess(input, false);
  }

  /** reassessOcopProduct: a re-assessment superseding the latest certificate. */
  reassess(input: OcopAssessmentInput): Promise<OcopCertification> {
    return this.assess(input, true);
  }

  /** A first certificate (`reassess` false) or a re-assessment superseding the latest one. */
  private async assess(input: OcopAssessmentInput, reassess: boolean): Promise<OcopCertification> {
    const operation = reassess ? "reassessOcopProduct" : "certifyOcopProduct";
    const prepare = async () => {
      requireId(input.productId, "input.productId", "Product");
      const total = input.scoreA + input.scoreB + input.scoreC;
      const earned = ocopStarsForScore(total);
      const parts = `A ${input.scoreA} + B ${input.scoreB} + C ${input.scoreC}`;
      if (earned === null)
        throw badInput(`A total score of ${total} (${parts}) is below 50 points: the product cannot be certified.`, "input.stars", "SCORE_BELOW_THRESHOLD", {
          score: total,
        });
      if (input.stars !== earned) {
        const [lo, hi] = OCOP_STAR_BANDS[earned];
        throw badInput(
          `A total score of ${total} (${parts}) earns ${earned}★ (${lo}–${hi} points), not ${input.stars}★.`,
          "input.stars",
          "STARS_SCORE_MISMATCH",
          { score: total, stars: earned },
        );
      }
      if (earned === 3 && input.decidedOn >= TWO_TIER_FROM && input.decidedOn < OCOP_THREE_STAR_PROVINCE_FROM) {
        throw badInput(
          `No level could recognise 3★ on ${input.decidedOn}: the district People's Committees ended on 2025-06-30, and the province recognises 3★ from ${OCOP_THREE_STAR_PROVINCE_FROM} (Decision 1489/QĐ-TTg).`,
          "input.decidedOn",
          "NO_RECOGNISING_LEVEL",
        );
      }
      const level = ocopLevelFor(earned, input.decidedOn);
      if (input.level && input.level !== level) {
        throw badInput(`${earned}★ decided on ${input.decidedOn} is recognised at ${level} level, not ${input.level}.`, "input.level", "LEVEL_MISMATCH", {
          level,
        });
      }
      requireNotInFuture(input.decidedOn, "input.decidedOn", "The decision date");
      // The owner must still be known to membership: look it up before any lock is taken.
      const peek = await this.dataSource.getRepository(OcopProduct).findOneBy({ id: input.productId });
      if (!peek) throw notFound(`No OCOP product has the id ${input.productId}.`, "input.productId");
      if (peek.ownerOrganizationId) await checkOrganization(this.organizations, peek.ownerOrganizationId, "input.productId");
      return { earned, level };
    };
    return recordedWrite(this.dataSource, { operation, input, load: this.loadCertification, prepare }, async (manager, _keepBefore, { earned, level }) => {
      const product = await lockProduct(manager, input.productId, "input.productId");
      if (input.decidedOn < product.registeredOn) {
        throw badInput(
          `The decision (${input.decidedOn}) cannot precede the product's registration (${product.registeredOn}).`,
          "input.decidedOn",
          "DECIDED_BEFORE_REGISTRATION",
        );
      }
      const history = await manager.getRepository(OcopCertification).find({ where: { productId: product.id }, order: { decidedOn: "ASC" } });
      const latest = history[history.length - 1] ?? null;
      if (!reassess && latest) {
        throw conflict(
          `${product.name} already has a certificate (${latest.decisionNumber}); use reassessOcopProduct for an upgrade, downgrade or renewal.`,
          "input.productId",
          "ALREADY_CERTIFIED",
        );
      }
      if (reassess && !latest) throw conflict(`${product.name} has never been certified; use certifyOcopProduct.`, "input.productId", "NOT_YET_CERTIFIED");
      if (latest && input.decidedOn <= latest.decidedOn) {
        throw badInput(
          `A re-assessment (${input.decidedOn}) must come after the latest certificate (${latest.decidedOn}).`,
          "input.decidedOn",
          "DECIDED_BEFORE_PREVIOUS",
        );
      }
      const certification = nextCertificate(product.id, history, { ...input, stars: earned, level, decisionNumber: cleanText(input.decisionNumber) });
      await manager.getRepository(OcopCertification).insert(certification);
      await manager.getRepository(OcopProduct).update({ id: product.id }, { version: product.version + 1 });
      return manager.getRepository(OcopCertification).findOneByOrFail({ id: certification.id });
    });
  }

  async revoke(input: RevokeOcopCertificationInput): Promise<OcopCertification> {
    requireNotInFuture(input.revokedOn, "input.revokedOn", "The revocation date");
    return recordedWrite(this.dataSource, { operation: "revokeOcopCertification", input, load: this.loadCertification }, async (manager, keepBefore) => {
      // The product's lock covers its certificates: every certificate write takes it first.
      const product = await lockProduct(manager, input.productId, "input.productId");
      const history = await manager.getRepository(OcopCertification).find({ where: { productId: product.id }, order: { decidedOn: "ASC" } });
      const current = keepBefore(ocopCurrentCertificate(history, input.revokedOn));
      if (!current || ocopCertificateStatus(current, input.revokedOn) !== "ACTIVE") {
        const why = !current ? "it had no certificate yet" : `its certificate was ${ocopCertificateStatus(current, input.revokedOn).toLowerCase()} by then`;
        throw conflict(`${product.name} had no certificate in force on ${input.revokedOn}: ${why}.`, "input.revokedOn", "NO_CERTIFICATE_IN_FORCE");
      }
      if (history[history.length - 1].id !== current.id) {
        throw conflict(
          `The certificate in force on ${input.revokedOn} was later superseded (${history[history.length - 1].decisionNumber}); revoke that one.`,
          "input.revokedOn",
          "SUPERSEDED",
        );
      }
      await manager.getRepository(OcopCertification).update(
        { id: current.id },
        {
          revokedOn: input.revokedOn,
          revocationReason: cleanText(input.reason),
          revocationDecisionNumber: cleanText(input.decisionNumber),
          version: current.version + 1,
        },
      );
      await manager.getRepository(OcopProduct).update({ id: product.id }, { version: product.version + 1 });
      return manager.getRepository(OcopCertification).findOneByOrFail({ id: current.id });
    });
  }
}
