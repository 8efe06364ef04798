import { addCommuneColumns, checkUnitCodes, DISTRICT_CODE, DISTRICT_OR_COMMUNE_CODE, dropCommuneColumns } from "@kttt/core";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Beneficiaries lie in a commune (a unit version of @kttt/reference, e.g. 18202 or 18202@2025-07-01) since a date, as
 * membership's organisations do; the district before 2025-07-01 and today's commune follow from it. Unit codes may be
 * communes (5 digits) as well as districts, since the district level ended on 2025-07-01. Existing rows keep their
 * district and no commune (not recorded).
 *
 * District People's Committees ended with their units: Lộc Hà's on 2024-12-31 (Nghị quyết 1283/NQ-UBTVQH15), the
 * others on 2025-06-30 (Nghị quyết 1665/NQ-UBTVQH15, the district level abolished); `valid_to` records it.
 */
export class BeneficiaryCommune1732406400204 implements MigrationInterface {
  name = "BeneficiaryCommune1732406400204";

  async up(q: QueryRunner): Promise<void> {
    await addCommuneColumns(q, "support_beneficiary");
    await checkUnitCodes(q, "support_beneficiary", DISTRICT_OR_COMMUNE_CODE);
    await q.query(`ALTER TABLE agency ADD COLUMN valid_to date, ADD CONSTRAINT agency_valid_to_check CHECK (valid_to IS NULL OR kind = 'DISTRICT_COMMITTEE')`);
    await q.query(
      `UPDATE agency SET valid_to = CASE WHEN admin_unit_code = '448' THEN DATE '2024-12-31' ELSE DATE '2025-06-30' END WHERE kind = 'DISTRICT_COMMITTEE'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency DROP COLUMN valid_to`);
    await checkUnitCodes(q, "support_beneficiary", DISTRICT_CODE);
    await dropCommuneColumns(q, "support_beneficiary");
  }
}
