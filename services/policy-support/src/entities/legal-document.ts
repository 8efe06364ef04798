import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { LocalDateScalar } from "@kttt/core";
import { DOCUMENT_TYPE_LABEL, LegalDocumentType } from "../domain/enums";

@ObjectType({
  description: "A legal or policy document (văn bản quy phạm pháp luật, văn bản chỉ đạo): a law, decree, decision, circular, resolution, plan or letter.",
})
@Entity("legal_document")
export class LegalDocument {
  @Field(() => ID, { description: "Stable identifier (mã định danh)." })
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Official number and symbol (số, ký hiệu), e.g. 17/2023/QH15 or 113/2024/NĐ-CP." })
  @Column("text")
  number: string;

  @Field(() => LegalDocumentType, { description: "Kind of document (loại văn bản)." })
  @Column("text")
  type: LegalDocumentType;

  @Field({ description: "Title or summary of content (trích yếu)." })
  @Column("text")
  title: string;

  @Field({ description: "Issuing body (cơ quan ban hành), e.g. Quốc hội, Chính phủ, UBND tỉnh Hà Tĩnh." })
  @Column("text")
  issuer: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of issue or passing (ngày ban hành); null when the sources used do not give it." })
  @Column("date", { name: "issued_on", nullable: true })
  issuedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date it takes effect (ngày có hiệu lực); null when the sources used do not give it." })
  @Column("date", { name: "effective_on", nullable: true })
  effectiveOn: string | null;

  @Column("uuid", { name: "supersedes_id", nullable: true })
  supersedesId: string | null;

  @Field(() => String, { nullable: true, description: "Remarks (ghi chú), e.g. that a number or date is illustrative." })
  @Column("text", { nullable: true })
  note: string | null;

  @Field(() => Int, { description: "Version for optimistic concurrency (phiên bản)." })
  @Column("integer")
  version: number;

  @Field({ description: "Vietnamese name of the kind of document (tên loại văn bản), e.g. Nghị định." })
  typeLabel(): string {
    return DOCUMENT_TYPE_LABEL[this.type];
  }
}
