/** Reading documents, policies and programmes: filtered, keyset-paginated lists. */
import { applySearch, orderByField, paginate, requireId, today, type Connection } from "@kttt/core";
import { unitFilterOn } from "@kttt/reference";
import type { DataSource } from "typeorm";
import { LegalDocument } from "../entities/legal-document";
import { SupportPolicy } from "../entities/support-policy";
import { SupportProgramme } from "../entities/support-programme";
import { LegalDocumentConnection, SupportPolicyConnection, SupportProgrammeConnection } from "../types/connections";
import type { LegalDocumentListArgs, SupportPolicyListArgs, SupportProgrammeListArgs } from "../types/filters";
import { yearRange } from "./figures";

export function listLegalDocuments(dataSource: DataSource, args: LegalDocumentListArgs): Promise<Connection<LegalDocument>> {
  const query = dataSource.getRepository(LegalDocument).createQueryBuilder("d");
  if (args.filter?.type) query.andWhere("d.type = :type", { type: args.filter.type });
  applySearch(query, "d.search_text", args.filter?.search);
  return paginate(LegalDocumentConnection, query, orderByField(query, "number", "ASC"), args);
}

export function listSupportPolicies(dataSource: DataSource, args: SupportPolicyListArgs): Promise<Connection<SupportPolicy>> {
  const query = dataSource.getRepository(SupportPolicy).createQueryBuilder("s");
  if (args.filter?.kind) query.andWhere("s.kind = :kind", { kind: args.filter.kind });
  if (args.filter?.eligibleFor) query.andWhere(":eligibleFor = ANY(s.eligible_kinds)", { eligibleFor: args.filter.eligibleFor });
  applySearch(query, "s.search_text", args.filter?.search);
  return paginate(SupportPolicyConnection, query, orderByField(query, "name", "ASC"), args);
}

export function listSupportProgrammes(dataSource: DataSource, args: SupportProgrammeListArgs): Promise<Connection<SupportProgramme>> {
  const query = dataSource.getRepository(SupportProgramme).createQueryBuilder("p");
  const filter = args.filter;
  if (filter?.kind) query.andWhere("p.policy_id IN (SELECT s.id FROM support_policy s WHERE s.kind = :kind)", { kind: filter.kind });
  if (filter?.agency) query.andWhere("p.agency_id IN (SELECT a.id FROM agency a WHERE a.code = :agency)", { agency: filter.agency });
  if (filter?.year != null) {
    const [from, to] = yearRange(filter.year);
    query.andWhere("p.starts_on <= :yearEnd AND p.ends_on >= :yearStart", { yearStart: from, yearEnd: to });
  }
  if (filter?.adminUnitCode) {
    // The unit on its date: run by the committee of a unit within it, or a beneficiary lay in it (by its commune, else by the unit code recorded).
    const within = unitFilterOn(filter.adminUnitCode, filter.adminUnitAsOf ?? null, today());
    query.andWhere(
      `(p.agency_id IN (SELECT a.id FROM agency a WHERE a.admin_unit_code = ANY(:codes)) OR EXISTS (SELECT 1 FROM support_beneficiary b WHERE b.programme_id = p.id
         AND (b.commune_id = ANY(:communeIds) OR (b.commune_id IS NULL AND b.admin_unit_code = ANY(:codes)))))`,
      within,
    );
  }
  if (filter?.policyId) {
    requireId(filter.policyId, "filter.policyId", "Policy");
    query.andWhere("p.policy_id = :policyId", { policyId: filter.policyId });
  }
  if (filter?.status) query.andWhere("p.status = :status", { status: filter.status });
  applySearch(query, "p.search_text", filter?.search);
  return paginate(SupportProgrammeConnection, query, orderByField(query, "startsOn", "DESC"), args);
}
