/**
 * importOcopProducts: an OCOP list's rows (product, owner, certificate) checked by the rules of
 * registerOcopProduct and certifyOcopProduct / reassessOcopProduct. Membership owners are asked of
 * membership in one batched look-up before the transaction (no network call holds locks); products,
 * local owners and certificates are then read in one statement each, under lock, and the batch is
 * written in the same transaction with one audit record per row changed. Rows match the graph on the
 * owner and the product name, certificates on their decision number, so importing a list twice
 * changes nothing the second time.
 */
import {
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  DomainError,
  ErrorCode,
  foldText,
  importPayload,
  importRowsWhere,
  ImportOutcome,
  insertEntities,
  isUuid,
  oncePerFile,
  changedFields,
  requireBatchSize,
  rowResults,
  organizationsOf,
  requireNotInFuture,
  updateVersioned,
  writeAudits,
  type AuditEntry,
  type GatewayLookup,
  type MembershipOrganization,
} from "@kttt/core";
import { ocopLevelFor, ocopStarsForScore, OCOP_STAR_BANDS, OCOP_SUBGROUPS, placementNamedOn, type Placement } from "@kttt/reference";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { COLLECTIVE_OWNER_TYPES, isCollective, OcopOwnerType, OWNER_TYPE_LABEL } from "../domain/enums";
import { OcopCertification } from "../entities/certification";
import { OcopLocalOwner } from "../entities/owner";
import { OcopProduct } from "../entities/product";
import { nextCertificate } from "./product-mutations";
import { ImportOcopProductsPayload, MAX_OCOP_IMPORT_ROWS, OcopProductImportRow, OcopProductImportRowResult } from "../types/import";

const REGISTRATION_NUMBER = /^[0-9]{10}(-[0-9]{3})?$/u;
/** The same shape registerOcopProduct's input takes (types/inputs.ts). */
const DECISION_NUMBER = /^[0-9]{1,6}\/QĐ-[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$/u;
const CERTIFICATE_FIELDS = ["scoreA", "scoreB", "scoreC", "stars", "decisionNumber", "decidedOn"] as const;
const SCORE_MAX = { scoreA: 40, scoreB: 25, scoreC: 35 } as const;

/** A row read into what the tables hold, before it is matched to the graph. */
interface Checked {
  name: string;
  subgroup: string;
  /** Where the row places the product (and a new owner) on its registration date. */
  place: Placement;
  description: string | null;
  ownerName: string;
  ownerRegistrationNumber: string | null;
  certificate: { scoreA: number; scoreB: number; scoreC: number; stars: number; level: string; decisionNumber: string; decidedOn: string } | null;
}

/** The row's own rules: every one that needs nothing but the row and the reference data. */
function checkRow(row: OcopProductImportRow): Checked {
  const name = cleanText(row.name ?? "");
  if (name.length < 3 || name.length > 300) throw badInput("The product name must be 3 to 300 characters.", "name", "INVALID_VALUE");
  const subgroup = cleanText(row.subgroup ?? "");
  const subgroups = OCOP_SUBGROUPS[row.group];
  if (!subgroups.includes(subgroup))
    throw badInput(`"${subgroup}" is not a subgroup of ${row.group}; use one of: ${subgroups.join("; ")}.`, "subgroup", "UNKNOWN_SUBGROUP");
  const { adminUnitCode, communeId, communeSince } = placementNamedOn(row, row.registeredOn);
  requireNotInFuture(row.registeredOn, "registeredOn", "The registration date");
  const ownerName = cleanText(row.ownerName ?? "");
  if (ownerName.length < 3 || ownerName.length > 300) throw badInput("The owner's name must be 3 to 300 characters.", "ownerName", "INVALID_VALUE");
  const number = cleanOptionalText(row.ownerRegistrationNumber)?.replace(/[.\s]/gu, "") ?? null;
  if (number !== null && !REGISTRATION_NUMBER.test(number))
    throw badInput(`"${number}" is not a registration number: 10 digits, optionally - and 3 digits.`, "ownerRegistrationNumber", "INVALID_VALUE");
  if (number === null && row.ownerType !== OcopOwnerType.COOPERATIVE_GROUP) {
    throw badInput(
      `A ${OWNER_TYPE_LABEL[row.ownerType].toLowerCase()} is identified by its registration number (mã số thuế): write it.`,
      "ownerRegistrationNumber",
      "REQUIRED",
    );
  }
  return {
    name,
    subgroup,
    place: { adminUnitCode, communeId, communeSince },
    description: cleanOptionalText(row.description),
    ownerName,
    ownerRegistrationNumber: number,
    certificate: checkCertificate(row),
  };
}

/** The certificate of a row: all of its fields or none; stars and level as the score and date earn them. */
function checkCertificate(row: OcopProductImportRow): Checked["certificate"] {
  const given = CERTIFICATE_FIELDS.filter((f) => row[f] !== undefined && row[f] !== null);
  if (given.length === 0 && !row.level) return null;
  const missing = CERTIFICATE_FIELDS.filter((f) => !given.includes(f));
  if (missing.length > 0)
    throw badInput(
      `A certificate needs the three score parts, the stars, the decision number and its date; ${missing.join(", ")} missing.`,
      missing[0],
      "INCOMPLETE_CERTIFICATE",
    );
  for (const part of ["scoreA", "scoreB", "scoreC"] as const) {
    const value = row[part]!;
    if (value < 0 || value > SCORE_MAX[part]) throw badInput(`${part} must be between 0 and ${SCORE_MAX[part]}; the row says ${value}.`, part, "INVALID_VALUE");
  }
  const total = row.scoreA! + row.scoreB! + row.scoreC!;
  const parts = `A ${row.scoreA} + B ${row.scoreB} + C ${row.scoreC}`;
  const earned = ocopStarsForScore(total);
  if (earned === null)
    throw badInput(`A total score of ${total} (${parts}) is below 50 points: the product cannot be certified.`, "stars", "SCORE_BELOW_THRESHOLD");
  if (row.stars !== earned) {
    const [lo, hi] = OCOP_STAR_BANDS[earned];
    throw badInput(`A total score of ${total} (${parts}) earns ${earned}★ (${lo}–${hi} points), not ${row.stars}★.`, "stars", "STARS_SCORE_MISMATCH");
  }
  const decidedOn = row.decidedOn!;
  const level = ocopLevelFor(earned, decidedOn);
  if (row.level && (row.level as string) !== level)
    throw badInput(`${earned}★ decided on ${decidedOn} is recognised at ${level} level, not ${row.level}.`, "level", "LEVEL_MISMATCH");
  const decisionNumber = cleanText(row.decisionNumber!);
  if (!DECISION_NUMBER.test(decisionNumber))
    throw badInput(`"${decisionNumber}" is not a decision number such as 1234/QĐ-UBND.`, "decisionNumber", "INVALID_VALUE");
  requireNotInFuture(decidedOn, "decidedOn", "The decision date");
  if (decidedOn < row.registeredOn)
    throw badInput(`The decision (${decidedOn}) cannot precede the product's registration (${row.registeredOn}).`, "decidedOn", "DECIDED_BEFORE_REGISTRATION");
  return { scoreA: row.scoreA!, scoreB: row.scoreB!, scoreC: row.scoreC!, stars: earned, level, decisionNumber, decidedOn };
}

/** A membership owner as the row names it, against what membership answered. */
function checkOrganization(row: OcopProductImportRow, found: MembershipOrganization | null | undefined): string {
  const id = row.ownerOrganizationId;
  const named = row.ownerRegistrationNumber ? `registration number ${cleanText(row.ownerRegistrationNumber)}` : `the name ${cleanText(row.ownerName)}`;
  const field = row.ownerRegistrationNumber ? "ownerRegistrationNumber" : "ownerName";
  if (!id || !isUuid(id) || !found) {
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      `The membership registry has no ${OWNER_TYPE_LABEL[row.ownerType].toLowerCase()} with ${named}: register it there first, or correct the row.`,
      { field, reason: "OWNER_NOT_FOUND" },
    );
  }
  const type = COLLECTIVE_OWNER_TYPES[found.typename];
  if (type !== row.ownerType) {
    throw badInput(`Membership records ${found.name} as ${found.kindLabel}, not ${OWNER_TYPE_LABEL[row.ownerType]}.`, "ownerType", "OWNER_TYPE_MISMATCH");
  }
  if (found.status === "DISSOLVED") throw badInput(`${found.name} is dissolved and cannot own or certify a product.`, field, "OWNER_DISSOLVED");
  return found.id;
}

const productKey = (ownerKey: string, name: string) => `${ownerKey}|${foldText(name)}`;

export class OcopProductImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatewayLookup,
  ) {}

  async run(rows: OcopProductImportRow[], dryRun: boolean, skipInvalid: boolean): Promise<ImportOcopProductsPayload> {
    requireBatchSize(rows, MAX_OCOP_IMPORT_ROWS);
    const { results, failed, checkEach, eachChecked } = rowResults<OcopProductImportRowResult, OcopProductImportRow>(rows, () =>
      Object.assign(new OcopProductImportRowResult(), { productId: null, certificateAdded: false }),
    );
    const checked: (Checked | null)[] = checkEach(checkRow);
    // Membership's owners, every id of the batch in one look-up, before any lock is taken.
    const organizations = await organizationsOf(
      this.lookup,
      rows.map((r, i) => (checked[i] && isCollective(r.ownerType) ? r.ownerOrganizationId : null)),
      "ownerOrganizationId",
    );
    const ownerIds: (string | null)[] = rows.map((row, index) => {
      if (!checked[index] || !isCollective(row.ownerType)) return null;
      try {
        return checkOrganization(row, organizations.get(row.ownerOrganizationId ?? ""));
      } catch (error) {
        checked[index] = null;
        failed(index, error);
        return null;
      }
    });

    return this.dataSource.transaction(async (manager) => {
      const numbers = [
        ...new Set(rows.map((r, i) => (isCollective(r.ownerType) ? null : checked[i]?.ownerRegistrationNumber)).filter((n): n is string => !!n)),
      ];
      const locals = await importRowsWhere(
        manager,
        OcopLocalOwner,
        "o",
        "o.registration_number = ANY(:numbers)",
        { numbers },
        { ask: numbers.length > 0, lock: true },
      );
      const localByNumber = new Map(locals.map((o) => [o.registrationNumber, o]));
      const names = [...new Set(checked.filter((c): c is Checked => !!c).map((c) => c.name))];
      // Locked: nobody changes a matched product or adds a certificate to it between this check and the write.
      const products = await importRowsWhere(manager, OcopProduct, "p", "p.name = ANY(:names)", { names }, { ask: names.length > 0, lock: true });
      const productByKey = new Map(products.map((p) => [productKey(p.ownerOrganizationId ?? `local:${p.ownerId}`, p.name), p]));
      const productIds = products.map((p) => p.id);
      const history = await importRowsWhere(
        manager,
        OcopCertification,
        "c",
        "c.product_id = ANY(:productIds)",
        { productIds },
        {
          ask: productIds.length > 0,
          orderBy: ["c.decided_on", "ASC"],
        },
      );
      const historyOf = new Map<string, OcopCertification[]>();
      for (const c of history) historyOf.set(c.productId, [...(historyOf.get(c.productId) ?? []), c]);

      const newOwners = new Map<string, OcopLocalOwner>();
      const creates: { product: OcopProduct; index: number }[] = [];
      const updates: { before: OcopProduct; changes: Partial<OcopProduct>; index: number }[] = [];
      const certificates: { certification: OcopCertification; product: OcopProduct; index: number }[] = [];
      const once = oncePerFile();
      eachChecked(checked, (row, c, index, result) => {
        let ownerKey: string;
        let local: OcopLocalOwner | null = null;
        if (isCollective(row.ownerType)) ownerKey = ownerIds[index]!;
        else {
          local = localByNumber.get(c.ownerRegistrationNumber!) ?? newOwners.get(c.ownerRegistrationNumber!) ?? null;
          if (local && (local.type as string) !== (row.ownerType as string)) {
            throw badInput(
              `${local.name} (${local.registrationNumber}) is recorded as ${OWNER_TYPE_LABEL[local.type as unknown as OcopOwnerType]}, not ${OWNER_TYPE_LABEL[row.ownerType]}.`,
              "ownerType",
              "OWNER_TYPE_MISMATCH",
            );
          }
          if (!local) {
            local = Object.assign(new OcopLocalOwner(), {
              id: randomUUID(),
              type: row.ownerType,
              name: c.ownerName,
              registrationNumber: c.ownerRegistrationNumber!,
              ...c.place,
              address: cleanOptionalText(row.ownerAddress),
              representative: null,
              version: 1,
            });
          }
          ownerKey = `local:${local.id}`;
        }
        const key = productKey(ownerKey, c.name);
        once(key, row.rowNumber, (earlier) => conflict(`${c.name} of ${c.ownerName} is also on ${earlier} of this file.`, "name", "DUPLICATE_PRODUCT"));
        const found = productByKey.get(key) ?? null;
        // A row that names a commune moves the product there (since the registration date); one that names a district only keeps its commune.
        const wanted = {
          group: row.group,
          subgroup: c.subgroup,
          adminUnitCode: c.place.adminUnitCode,
          ...(c.place.communeId ? { communeId: c.place.communeId } : {}),
          ...(c.description ? { description: c.description } : {}),
        };
        let product: OcopProduct;
        let changes: Partial<OcopProduct> = {};
        if (!found) {
          product = Object.assign(new OcopProduct(), {
            id: randomUUID(),
            name: c.name,
            ...wanted,
            communeId: c.place.communeId,
            communeSince: c.place.communeSince,
            description: c.description,
            ownerType: row.ownerType,
            ownerOrganizationId: isCollective(row.ownerType) ? ownerKey : null,
            ownerId: local?.id ?? null,
            registeredOn: row.registeredOn,
            version: 1,
          });
        } else {
          product = found;
          result.productId = found.id;
          if (found.registeredOn !== row.registeredOn) {
            throw conflict(
              `${found.name} was registered on ${found.registeredOn} in the graph; the row says ${row.registeredOn}. Correct the file.`,
              "registeredOn",
              "REGISTERED_ON_DIFFERS",
            );
          }
          changes = changedFields<OcopProduct>(found, wanted, c.place.communeSince);
        }
        const earlier = found ? (historyOf.get(found.id) ?? []) : [];
        let certification: OcopCertification | null = null;
        if (c.certificate) {
          const same = earlier.find((e) => e.decisionNumber === c.certificate!.decisionNumber);
          if (same) {
            const differs = (["scoreA", "scoreB", "scoreC", "stars", "decidedOn"] as const).filter((f) => same[f] !== c.certificate![f]);
            if (differs.length > 0) {
              throw conflict(
                `Certificate ${same.decisionNumber} of ${product.name} is recorded with other ${differs.join(", ")}; a recorded certificate is not changed by an import.`,
                differs[0],
                "CERTIFICATE_DIFFERS",
              );
            }
          } else {
            const latest = earlier[earlier.length - 1] ?? null;
            if (latest && c.certificate.decidedOn <= latest.decidedOn) {
              throw badInput(
                `A re-assessment (${c.certificate.decidedOn}) must come after the latest certificate (${latest.decisionNumber}, ${latest.decidedOn}).`,
                "decidedOn",
                "DECIDED_BEFORE_PREVIOUS",
              );
            }
            certification = nextCertificate(product.id, earlier, c.certificate);
          }
        }
        // Queued once every check passed, so a refused row leaves nothing behind.
        const changed = Object.keys(changes).length > 0;
        if (found && changed) updates.push({ before: found, changes, index });
        if (certification) {
          certificates.push({ certification, product, index });
          result.certificateAdded = true;
        }
        if (!found) {
          if (local && !localByNumber.has(local.registrationNumber)) newOwners.set(local.registrationNumber, local);
          creates.push({ product, index });
          result.outcome = ImportOutcome.CREATED;
        } else result.outcome = changed || result.certificateAdded ? ImportOutcome.UPDATED : ImportOutcome.UNCHANGED;
      });

      const payload = importPayload(ImportOcopProductsPayload, results, dryRun, skipInvalid);
      if (payload.written) {
        await this.write(
          manager,
          rows,
          [...newOwners.values()].filter((o) => creates.some((c) => c.product.ownerId === o.id)),
          creates,
          updates,
          certificates,
        );
        for (const { product, index } of creates) results[index].productId = product.id;
      }
      return payload;
    });
  }

  private async write(
    manager: EntityManager,
    rows: OcopProductImportRow[],
    owners: OcopLocalOwner[],
    creates: { product: OcopProduct; index: number }[],
    updates: { before: OcopProduct; changes: Partial<OcopProduct>; index: number }[],
    certificates: { certification: OcopCertification; product: OcopProduct; index: number }[],
  ): Promise<void> {
    const audits: AuditEntry[] = [];
    await insertEntities(manager, OcopLocalOwner, owners);
    const products = creates.map((c) => c.product);
    await insertEntities(manager, OcopProduct, products);
    for (const { product, index } of creates) audits.push({ operation: "importOcopProducts", input: rows[index], resultRef: product.id, after: product });
    // A product whose details change or that gains a certificate moves to its next version, once.
    const bumped = new Map<string, { before: OcopProduct; changes: Partial<OcopProduct>; index: number }>();
    for (const u of updates) bumped.set(u.before.id, u);
    for (const { product, index } of certificates)
      if (!bumped.has(product.id) && product.version > 0 && !creates.some((c) => c.product.id === product.id))
        bumped.set(product.id, { before: product, changes: {}, index });
    const changed = [...bumped.values()].map((u) => ({ ...u, input: rows[u.index] }));
    // A certificate alone moves the product's version; only a change of its own fields is audited as the product's.
    const productAudits = await updateVersioned(manager, OcopProduct, "importOcopProducts", changed);
    audits.push(...productAudits.filter((_a, i) => Object.keys(changed[i].changes).length > 0));
    const certified = certificates.map((c) => c.certification);
    await insertEntities(manager, OcopCertification, certified);
    for (const { certification, index } of certificates)
      audits.push({ operation: "importOcopProducts", input: rows[index], resultRef: certification.id, after: certification });
    await writeAudits(manager, audits);
  }
}
