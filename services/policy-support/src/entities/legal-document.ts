import { ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { FieldOf, Stored } from "@kttt/core";
import { DOCUMENT_TYPE_LABEL, LegalDocumentType } from "../domain/enums";

@ObjectType({
  description: "A legal or policy document (văn bản quy phạm pháp luật, văn bản chỉ đạo): a law, decree, decision, circular, resolution, plan or letter.",
})
@Entity("legal_document")
export class LegalDocument {
  @Stored.id("Stable identifier (mã định danh).")
  id: string;

  @Stored.text("Official number and symbol (số, ký hiệu), e.g. 17/2023/QH15 or 113/2024/NĐ-CP.")
  number: string;

  @Stored.enum(LegalDocumentType, "Kind of document (loại văn bản).")
  type: LegalDocumentType;

  @Stored.text("Title or summary of content (trích yếu).")
  title: string;

  @Stored.text("Issuing body (cơ quan ban hành), e.g. Quốc hội, Chính phủ, UBND tỉnh Hà Tĩnh.")
  issuer: string;

  @Stored.date("Date of issue or passing (ngày ban hành); null when the sources used do not give it.", { nullable: true })
  issuedOn: string | null;

  @Stored.date("Date it takes effect (ngày có hiệu lực); null when the sources used do not give it.", { nullable: true })
  effectiveOn: string | null;

  @Column("uuid", { name: "supersedes_id", nullable: true })
  supersedesId: string | null;

  @Stored.text("Remarks (ghi chú), e.g. that a number or date is illustrative.", { nullable: true })
  note: string | null;

  @Stored.int("Version for optimistic concurrency (phiên bản).")
  version: number;

  @FieldOf.label(DOCUMENT_TYPE_LABEL, "type", "Vietnamese name of the kind of document (tên loại văn bản), e.g. Nghị định.")
  typeLabel: string;
}
