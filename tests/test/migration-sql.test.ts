/**
 * Shipped migrations must not change: a database already migrated never runs them again, so a
 * migration whose SQL differs from what it once ran leaves old and new databases different. This
 * records the SQL every migration of every subgraph runs (up and down) and compares its digest with
 * the one it shipped with. A new migration adds a line; an existing line never changes.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { migrations as membership } from "@kttt/membership";
import { migrations as ocop } from "@kttt/ocop";
import { migrations as policySupport } from "@kttt/policy-support";
import { migrations as tradePromotion } from "@kttt/trade-promotion";

/** The statements (with their parameters) a migration runs, up then down; a query answers no rows. */
async function statementsOf(type: new () => MigrationInterface): Promise<string> {
  const statements: string[] = [];
  const runner = {
    query: async (sql: string, parameters?: unknown[]) => {
      statements.push(JSON.stringify([sql, parameters ?? null]));
      return [];
    },
  };
  const migration = new type();
  await migration.up(runner as unknown as QueryRunner);
  statements.push("--down");
  await migration.down(runner as unknown as QueryRunner);
  return statements.join("\n");
}

const statements: Record<string, string> = {};
const digests = async (list: readonly (new () => MigrationInterface)[]) =>
  Object.fromEntries(
    await Promise.all(
      list.map(async (type) => {
        statements[type.name] = await statementsOf(type);
        return [type.name, createHash("sha256").update(statements[type.name]).digest("hex").slice(0, 16)];
      }),
    ),
  );

it("runs the SQL every migration shipped with", async () => {
  const all = {
    membership: await digests(membership),
    ocop: await digests(ocop),
    policySupport: await digests(policySupport),
    tradePromotion: await digests(tradePromotion),
  };
  if (process.env.MIGRATION_SQL_DUMP) writeFileSync(process.env.MIGRATION_SQL_DUMP, JSON.stringify(statements, null, 2));
  expect(all).toEqual({
    membership: {
      MembershipInitial1732406400000: "97de2347cccd13ee",
      AdminUnits1732406400001: "5adf36cbfd7af031",
      MutationReceipts1732406400002: "d3dcdd2ef99b04c3",
      AuditTrail1732406400003: "97ac519eb14f9ef5",
      UnitHistory1751328000000: "6bd0e0f26bfa19fc",
      OrganizationCommune1751328000001: "e30d14afc5bfb156",
      DataVersion1751328000050: "9fa56805c38a56b6",
      ClassificationByDate1758153600000: "74f344cec2654574",
      IllustrativeRows1764460800000: "8af09f3d1e273350",
      StatisticsIndexes1795910400000: "edc7313829e3894d",
      DissolutionIndex1795996800000: "c52dd303469020b8",
      NameWalkIndex1796083200000: "c4adfb2c336e478b",
      SearchWords1796169600000: "fba2762b2bfa206e",
      VacuumSearchWords1796169600001: "47d58fc6e5fcca1e",
      SearchIndexByKind1796256000000: "853e58982797e45a",
    },
    ocop: {
      OcopInitial1732406400100: "b2d2e1e79e92da71",
      MutationReceipts1732406400101: "d3dcdd2ef99b04c3",
      AuditTrail1732406400102: "97ac519eb14f9ef5",
      OcopPlacesAndLevels1732406400103: "0ef563c9e9acef08",
      DataVersion1732406400104: "9fa56805c38a56b6",
      CertificateStatisticsIndex1795996800100: "a5ad5786ea749bd4",
      OcopSearchWords1796169600100: "789ab4cb6bca8f4e",
      OcopVacuumSearchWords1796169600101: "d82a861817270ee7",
    },
    policySupport: {
      PolicySupportInitial1732406400200: "be69f139d2ff7df0",
      MutationReceipts1732406400201: "d3dcdd2ef99b04c3",
      AuditTrail1732406400202: "97ac519eb14f9ef5",
      PlanYears1732406400203: "b5684f9d44153bcb",
      BeneficiaryCommune1732406400204: "6f96eea5e82aab18",
      AgencyCommune1732406400205: "096aaf659b256090",
      ProgrammeIllustrative1732406400206: "d3d53e53bfce2753",
      DataVersion1732406400207: "9fa56805c38a56b6",
      PolicySearchWords1796169600200: "ea2dabcfc55b828f",
      PolicyVacuumSearchWords1796169600201: "2fee6abd8a41e46d",
    },
    tradePromotion: {
      TradePromotionInitial1732406400300: "144c3366dec1938d",
      MutationReceipts1732406400301: "d3dcdd2ef99b04c3",
      AuditTrail1732406400302: "97ac519eb14f9ef5",
      FundingProgrammeIndex1732406400303: "7b6d163e2945e613",
      ParticipationCommune1732406400304: "919324a6ab257f23",
      EventCommune1732406400305: "d7df9b6babd5ac3c",
      ListingLinkCommune1732406400306: "8c3f883d373b718d",
      DataVersion1732406400307: "9fa56805c38a56b6",
      TradeSearchWords1796169600300: "01d56feb39fe0de8",
      TradeVacuumSearchWords1796169600301: "8e28fd4d76064926",
    },
  });
});
