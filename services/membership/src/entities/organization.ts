/**
 * Cooperatives (HTX), unions (LHHTX) and groups (THT) share one table and one GraphQL interface,
 * `Organization`; each legal form is its own federation entity so other subgraphs can point at it.
 */
import { Directive, Field, InterfaceType, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { Stored, today } from "@kttt/core";
import { communeCodeOn } from "@kttt/reference";
import { KIND_LABEL, OrganizationKind, OrganizationStatus, Sector, SECTOR_LABEL } from "../domain/enums";

export const TYPE_NAME_OF_KIND: Record<OrganizationKind, string> = {
  COOPERATIVE: "Cooperative",
  COOPERATIVE_UNION: "CooperativeUnion",
  COOPERATIVE_GROUP: "CooperativeGroup",
};

@InterfaceType("Organization", {
  description: "A collective-economy organisation (tổ chức kinh tế tập thể): a cooperative, a union of cooperatives or a cooperative group.",
  resolveType: (value: Organization) => TYPE_NAME_OF_KIND[value.kind],
})
@Entity("organization")
export abstract class Organization {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.enum(OrganizationKind, "Legal form (loại hình).")
  kind: OrganizationKind;

  @Stored.text("Registered name with diacritics (tên), e.g. Hợp tác xã Nông nghiệp Kỳ Phú.")
  name: string;

  @Stored.text("Registration number (mã số đăng ký, the same as the tax code since 2015); groups have none.", { nullable: true })
  registrationNumber: string | null;

  @Stored.text(
    "Code of the unit where it was registered (mã đơn vị hành chính): the district for organisations registered before 2025-07-01, the commune after.",
  )
  adminUnitCode: string;

  /** The commune (a unit version's id) where it lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Stored.date("Since when it lies in `commune` (từ ngày); null where no commune is recorded.", { nullable: true })
  communeSince: string | null;

  @Stored.enum(Sector, "Field of activity (lĩnh vực).")
  sector: Sector;

  @Stored.enum(OrganizationStatus, "Operating status (tình trạng).")
  status: OrganizationStatus;

  @Stored.date("Date of establishment or registration (ngày thành lập).")
  establishedOn: string;

  @Stored.date("Date of dissolution (ngày giải thể), if dissolved.", { nullable: true })
  dissolvedOn: string | null;

  @Stored.text("Head-office address (địa chỉ trụ sở).", { nullable: true })
  address: string | null;

  /** A person's name: served by the organisation resolver to those who may see personal data. */
  @Column("text", { nullable: true })
  representative: string | null;

  /**
   * The code of the commune it lies in on today's map (from its recorded commune, and its address where that
   * commune was split), or null: what core's COMMUNE access rule (`OWN_COMMUNE`) reads on a guarded field's
   * root. Not a column, not a GraphQL field.
   */
  get communeCodeToday(): string | null {
    return communeCodeOn(this.communeId, this.address ?? null, today());
  }

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: an organisation the demo registers or dissolves in 2025–2026.")
  illustrative: boolean;

  @Stored.int("Version for optimistic concurrency: send it back when you update (phiên bản).")
  version: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @Field({ description: "Name of the legal form in Vietnamese (tên loại hình), e.g. Hợp tác xã." })
  kindLabel(): string {
    return KIND_LABEL[this.kind];
  }

  @Field({ description: "Name of the sector exactly as the province reports it (tên lĩnh vực)." })
  sectorLabel(): string {
    return SECTOR_LABEL[this.sector];
  }
}

@ObjectType({ implements: Organization, description: "Hợp tác xã (HTX): a cooperative, a legal person with at least 5 official members." })
@Directive('@key(fields: "id")')
export class Cooperative extends Organization {}

@ObjectType({ implements: Organization, description: "Liên hiệp hợp tác xã (LHHTX): a union of at least 3 cooperatives." })
@Directive('@key(fields: "id")')
export class CooperativeUnion extends Organization {}

@ObjectType({ implements: Organization, description: "Tổ hợp tác (THT): a cooperative group working under a cooperation contract." })
@Directive('@key(fields: "id")')
export class CooperativeGroup extends Organization {}
