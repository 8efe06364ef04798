/**
 * Membership's organisations (HTX, THT, LHHTX) as the other subgraphs check them before storing a
 * reference: what to ask of membership's `organization(id)` through the gateway, and the rules every
 * subgraph applies the same way — the organisation exists, has the legal form and the registered unit
 * the write claims, and was not dissolved by the date of what is recorded.
 */
import { DomainError, ErrorCode, badInput } from "./errors";
import type { GatewayLookup, LookupPart } from "./gateway-lookup";
import { isUuid } from "./loaders";

/** An organisation as membership reports it (identity fields only, which anyone signed in may read). */
export interface MembershipOrganization {
  id: string;
  /** Cooperative, CooperativeGroup or CooperativeUnion. */
  typename: string;
  /** COOPERATIVE, COOPERATIVE_GROUP or COOPERATIVE_UNION. */
  kind: string;
  /** The legal form in Vietnamese, e.g. Tổ hợp tác. */
  kindLabel: string;
  name: string;
  /** ACTIVE, SUSPENDED or DISSOLVED. */
  status: string;
  adminUnitCode: string;
  adminUnitName: string;
  dissolvedOn: string | null;
}

/** Membership's organisations with these ids; a failed look-up is reported on `field`. */
export function organizationsById(ids: readonly string[], field?: string): LookupPart<MembershipOrganization> {
  return {
    field: "organization",
    subgraph: "membership",
    selection: "__typename id kind kindLabel name status adminUnitCode adminUnit { name } dissolvedOn",
    ids,
    read: (o) => ({
      id: o.id,
      typename: o.__typename,
      kind: o.kind,
      kindLabel: o.kindLabel,
      name: o.name,
      status: o.status,
      adminUnitCode: o.adminUnitCode,
      adminUnitName: o.adminUnit?.name ?? o.adminUnitCode,
      dissolvedOn: o.dissolvedOn ?? null,
    }),
    unavailable: { field, reason: "ORGANIZATION_LOOKUP_FAILED", message: "The membership registry could not be asked whether the organisation exists" },
  };
}

/** What a write claims about a membership organisation, and the input fields that say it. */
export interface OrganizationClaim {
  id: string;
  kind: string;
  adminUnitCode: string;
  fields: { id: string; kind: string; adminUnitCode: string };
}

/**
 * Refuses an organisation membership does not know (NOT_FOUND, ORGANIZATION_NOT_FOUND), of another
 * legal form (ORGANIZATION_KIND_MISMATCH) or registered in another unit (ADMIN_UNIT_MISMATCH) than
 * the write claims. `sameUnit` decides whether two unit codes are the same place (e.g. a unit merged
 * into another); by default, equal codes.
 */
export function confirmOrganization(
  found: MembershipOrganization | null | undefined,
  claim: OrganizationClaim,
  sameUnit: (claimed: string, recorded: string) => boolean = (a, b) => a === b,
): MembershipOrganization {
  if (!found) {
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      `The membership registry has no organisation with the id ${claim.id}; register it there first, or check the id.`,
      {
        field: claim.fields.id,
        reason: "ORGANIZATION_NOT_FOUND",
      },
    );
  }
  if (found.kind !== claim.kind) {
    throw badInput(
      `Membership records ${found.name} as ${found.kindLabel} (${found.kind}), not ${claim.kind}.`,
      claim.fields.kind,
      "ORGANIZATION_KIND_MISMATCH",
      {
        recordedKind: found.kind,
      },
    );
  }
  if (!sameUnit(claim.adminUnitCode, found.adminUnitCode)) {
    throw badInput(
      `Membership records ${found.name} as registered in ${found.adminUnitName} (${found.adminUnitCode}), not in unit ${claim.adminUnitCode}.`,
      claim.fields.adminUnitCode,
      "ADMIN_UNIT_MISMATCH",
      { recordedAdminUnitCode: found.adminUnitCode },
    );
  }
  return found;
}

/**
 * Refuses to record something dated `on` for an organisation membership records as dissolved on or
 * before that date (ORGANIZATION_DISSOLVED); `what` says what, e.g. "receive support approved". What
 * happened before the dissolution can still be recorded.
 */
export function requireNotDissolvedBy(organization: MembershipOrganization, on: string, field: string, what: string): void {
  // Membership keeps dissolvedOn exactly for dissolved organisations (a CHECK constraint there).
  const { dissolvedOn } = organization;
  if (dissolvedOn === null || dissolvedOn > on) return;
  throw badInput(`Membership records ${organization.name} as dissolved on ${dissolvedOn}; it cannot ${what} on ${on}.`, field, "ORGANIZATION_DISSOLVED", {
    dissolvedOn,
  });
}

/**
 * Membership's organisations with these ids, in one look-up (a batch import asks once for all its
 * rows, before its transaction opens); what is not an id is left out, and nothing is asked when
 * nothing is left. A failed look-up is reported on `field`.
 */
export async function organizationsOf(
  lookup: GatewayLookup,
  ids: readonly (string | null | undefined)[],
  field: string,
): Promise<Map<string, MembershipOrganization | null>> {
  const asked = [...new Set(ids.filter((id): id is string => !!id && isUuid(id)))];
  if (asked.length === 0) return new Map();
  return (await lookup.find({ organizations: organizationsById(asked, field) })).organizations;
}
