/**
 * Cooperatives (HTX), unions (LHHTX) and groups (THT) share one table and one GraphQL interface,
 * `Organization`; each legal form is its own federation entity so other subgraphs can point at it.
 */
import { Directive, Field, ID, InterfaceType, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { LocalDateScalar, today } from "@kttt/core";
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
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field(() => OrganizationKind, { description: "Legal form (loại hình)." })
  @Column("text")
  kind: OrganizationKind;

  @Field({ description: "Registered name with diacritics (tên), e.g. Hợp tác xã Nông nghiệp Kỳ Phú." })
  @Column("text")
  name: string;

  @Field(() => String, {
    nullable: true,
    description: "Registration number (mã số đăng ký, the same as the tax code since 2015); groups have none.",
  })
  @Column("text", { name: "registration_number", nullable: true })
  registrationNumber: string | null;

  @Field({
    description:
      "Code of the unit where it was registered (mã đơn vị hành chính): the district for organisations registered before 2025-07-01, the commune after.",
  })
  @Column("text", { name: "admin_unit_code" })
  adminUnitCode: string;

  /** The commune (a unit version's id) where it lies, as recorded; `commune` serves the unit. */
  @Column("text", { name: "commune_id", nullable: true })
  communeId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when it lies in `commune` (từ ngày); null where no commune is recorded." })
  @Column("date", { name: "commune_since", nullable: true })
  communeSince: string | null;

  @Field(() => Sector, { description: "Field of activity (lĩnh vực)." })
  @Column("text")
  sector: Sector;

  @Field(() => OrganizationStatus, { description: "Operating status (tình trạng)." })
  @Column("text")
  status: OrganizationStatus;

  @Field(() => LocalDateScalar, { description: "Date of establishment or registration (ngày thành lập)." })
  @Column("date", { name: "established_on" })
  establishedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of dissolution (ngày giải thể), if dissolved." })
  @Column("date", { name: "dissolved_on", nullable: true })
  dissolvedOn: string | null;

  @Field(() => String, { nullable: true, description: "Head-office address (địa chỉ trụ sở)." })
  @Column("text", { nullable: true })
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

  @Field({
    description: "True for illustrative demo data (dữ liệu minh họa), not published figures: an organisation the demo registers or dissolves in 2025–2026.",
  })
  @Column("boolean", { default: false })
  illustrative: boolean;

  @Field(() => Int, { description: "Version for optimistic concurrency: send it back when you update (phiên bản)." })
  @Column("integer")
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
