/** Loads the demo OCOP catalogue (from @kttt/demo) into an empty ocop database, in one transaction. */
import { demoOcopCatalogue } from "@kttt/demo";
import type { DataSource, EntityManager } from "typeorm";
import { kindOf } from "../domain/enums";

async function insertRows(manager: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const chunk = Math.floor(30_000 / columns.length);
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + chunk).map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(", ")})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
}

/** The catalogue as table rows. The seed does not call membership: it shares the catalogue's ids. */
export function ocopSeedRows() {
  const { products, owners } = demoOcopCatalogue();
  return {
    owners: owners.map((o) => ({ id: o.id, type: o.type, name: o.name, registration_number: o.registrationNumber, admin_unit_code: o.adminUnitCode, address: o.address, representative: o.representative })),
    products: products.map((p) => ({
      id: p.id, name: p.name, product_group: p.group, subgroup: p.subgroup, admin_unit_code: p.adminUnitCode, owner_type: p.ownerType,
      owner_organization_id: p.ownerOrganizationId, owner_id: p.ownerId, registered_on: p.registeredOn, description: p.description,
    })),
    certifications: products.flatMap((p) =>
      p.certifications.map((c, i) => ({
        id: c.id, product_id: p.id, sequence: c.sequence, kind: kindOf(i === 0 ? null : p.certifications[i - 1].stars, c.stars),
        score_a: c.scoreA, score_b: c.scoreB, score_c: c.scoreC, stars: c.stars, level: c.level, decision_number: c.decisionNumber,
        decided_on: c.decidedOn, valid_until: c.validUntil, revoked_on: c.revokedOn, revocation_reason: c.revocationReason,
        revocation_decision_number: c.revocationDecisionNumber,
      })),
    ),
  };
}

/** Returns false (and writes nothing) when the database already has products. */
export async function loadOcopDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('kttt-ocop-seed'))");
    const [{ count }] = await manager.query("SELECT count(*)::int AS count FROM ocop_product");
    if (count > 0) return false;
    const rows = ocopSeedRows();
    await insertRows(manager, "ocop_owner", rows.owners);
    await insertRows(manager, "ocop_product", rows.products);
    await insertRows(manager, "ocop_certification", rows.certifications);
    return true;
  });
}
