/** Loads the demo OCOP catalogue (from @kttt/demo) into an empty ocop database, in one transaction. */
import { demoOcopCatalogue, demoOcopIllustrative, type DemoOcopCertification, type DemoOcopProduct } from "@kttt/demo";
import { demoCopyNameSql, demoCopyNumberSql, demoLoader, demoTablesOf, type DemoCopies } from "@kttt/core";
import { kindOf } from "../domain/enums";

/** The catalogue as table rows. The seed does not call membership: it shares the catalogue's ids. */
export function ocopSeedRows() {
  const catalogue = demoOcopCatalogue();
  const illustrative = demoOcopIllustrative();
  const added = new Map<string, DemoOcopCertification[]>();
  for (const { productId, certification } of illustrative.reassessments) added.set(productId, [...(added.get(productId) ?? []), certification]);
  // The mid-2024 catalogue, then the illustrative 2025–2026 re-assessments and products (marked `illustrative`).
  const products: DemoOcopProduct[] = [
    ...catalogue.products.map((p) => ({ ...p, certifications: [...p.certifications, ...(added.get(p.id) ?? [])] })),
    ...illustrative.products,
  ];
  const owners = [...catalogue.owners, ...illustrative.owners];
  return {
    owners: owners.map((o) => ({
      id: o.id,
      type: o.type,
      name: o.name,
      registration_number: o.registrationNumber,
      admin_unit_code: o.adminUnitCode,
      commune_id: o.communeId,
      commune_since: o.communeSince,
      address: o.address,
      representative: o.representative,
    })),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      product_group: p.group,
      subgroup: p.subgroup,
      admin_unit_code: p.adminUnitCode,
      commune_id: p.communeId,
      commune_since: p.communeSince,
      owner_type: p.ownerType,
      owner_organization_id: p.ownerOrganizationId,
      owner_id: p.ownerId,
      registered_on: p.registeredOn,
      description: p.description,
      illustrative: p.illustrative,
    })),
    certifications: products.flatMap((p) =>
      p.certifications.map((c, i) => ({
        id: c.id,
        product_id: p.id,
        sequence: c.sequence,
        kind: kindOf(i === 0 ? null : p.certifications[i - 1].stars, c.stars),
        score_a: c.scoreA,
        score_b: c.scoreB,
        score_c: c.scoreC,
        stars: c.stars,
        level: c.level,
        decision_number: c.decisionNumber,
        decided_on: c.decidedOn,
        valid_until: c.validUntil,
        revoked_on: c.revokedOn,
        revocation_reason: c.revocationReason,
        revocation_decision_number: c.revocationDecisionNumber,
        illustrative: c.illustrative,
      })),
    ),
  };
}

/**
 * The catalogue at DEMO_DATA_SCALE > 1: every product again for each copy of its owner (membership's copied
 * organisations, and local owners copied here), with its certificates; copies are marked `illustrative`.
 */
export const OCOP_DEMO_COPIES: DemoCopies[] = [
  { table: "ocop_owner", ids: ["id"], set: { name: demoCopyNameSql("original.name"), registration_number: demoCopyNumberSql("original.registration_number") } },
  { table: "ocop_product", ids: ["id", "owner_organization_id", "owner_id"], set: { illustrative: "true" } },
  { table: "ocop_certification", ids: ["id", "product_id"], set: { illustrative: "true" } },
];

/** Returns false (and writes nothing) when the database already has products; `scale`: DEMO_DATA_SCALE (1: the catalogue exactly). */
export const loadOcopDemoData = demoLoader("ocop", "ocop_product", OCOP_DEMO_COPIES, () =>
  demoTablesOf(ocopSeedRows(), { ocop_owner: "owners", ocop_product: "products", ocop_certification: "certifications" }),
);
