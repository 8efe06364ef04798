/**
 * Cooperatives (HTX), unions (LHHTX) and groups (THT) share one table and one GraphQL interface,
 * `Organization`; each legal form is its own federation entity so other subgraphs can point at it.
 */
import { Directive, InterfaceType, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { PlaceBound } from "@kttt/reference";
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
export abstract class Organization extends PlaceBound {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.enum(OrganizationKind, "Legal form (loại hình).")
  kind: OrganizationKind;

  @Stored.text("Registered name with diacritics (tên), e.g. Hợp tác xã Nông nghiệp Kỳ Phú.")
  name: string;

  @Stored.text("Registration number (mã số đăng ký, the same as the tax code since 2015); groups have none.", { nullable: true })
  registrationNumber: string | null;

  @Stored.place({
    adminUnitCode:
      "Code of the unit where it was registered (mã đơn vị hành chính): the district for organisations registered before 2025-07-01, the commune after.",
  })
  adminUnitCode: string;

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

  @Stored.boolean("True for illustrative demo data (dữ liệu minh họa), not published figures: an organisation the demo registers or dissolves in 2025–2026.")
  illustrative: boolean;

  @Stored.int("Version for optimistic concurrency: send it back when you update (phiên bản).")
  version: number;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @FieldOf.label(KIND_LABEL, "kind", "Name of the legal form in Vietnamese (tên loại hình), e.g. Hợp tác xã.")
  kindLabel: string;

  @FieldOf.label(SECTOR_LABEL, "sector", "Name of the sector exactly as the province reports it (tên lĩnh vực).")
  sectorLabel: string;
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
