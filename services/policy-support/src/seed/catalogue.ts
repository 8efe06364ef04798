/**
 * Reference data of the demo: the real legal documents around the collective economy (numbers,
 * issuers, dates and supersession from the project's domain sources), the implementing agencies
 * with stable ids and codes, and the support policies with their legal basis.
 */
import { stableUuid } from "@kttt/demo";
import { ADMIN_UNITS } from "@kttt/reference";
import { AgencyKind, LegalDocumentType, OrganizationKind, PolicyKind } from "../domain/enums";

export interface CatalogueDocument {
  number: string;
  type: LegalDocumentType;
  title: string;
  issuer: string;
  issuedOn: string | null;
  effectiveOn: string | null;
  supersedes: string | null;
  note: string | null;
}

const DATE_NOT_IN_SOURCES = "Ngày ban hành, ngày hiệu lực chưa được đối chiếu với nguồn: để trống.";
const ILLUSTRATIVE_PLAN = "Số hiệu minh họa: số và ngày ban hành thực tế của kế hoạch không có trong nguồn dữ liệu.";

export const DOCUMENTS: CatalogueDocument[] = [
  {
    number: "23/2012/QH13",
    type: LegalDocumentType.LAW,
    title: "Luật Hợp tác xã (năm 2012)",
    issuer: "Quốc hội",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: `Hết hiệu lực khi Luật 17/2023/QH15 có hiệu lực (01/7/2024). ${DATE_NOT_IN_SOURCES}`,
  },
  {
    number: "17/2023/QH15",
    type: LegalDocumentType.LAW,
    title: "Luật Hợp tác xã (năm 2023)",
    issuer: "Quốc hội",
    issuedOn: "2023-06-20",
    effectiveOn: "2024-07-01",
    supersedes: "23/2012/QH13",
    note: "Thông qua ngày 20/6/2023, có hiệu lực từ 01/7/2024.",
  },
  {
    number: "77/2019/NĐ-CP",
    type: LegalDocumentType.DECREE,
    title: "Nghị định về tổ hợp tác",
    issuer: "Chính phủ",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: DATE_NOT_IN_SOURCES,
  },
  {
    number: "113/2024/NĐ-CP",
    type: LegalDocumentType.DECREE,
    title:
      "Nghị định quy định chi tiết một số điều của Luật Hợp tác xã: phân loại quy mô; tiêu chí, đối tượng, nội dung, mức và nguồn kinh phí hỗ trợ của Nhà nước",
    issuer: "Chính phủ",
    issuedOn: "2024-09-12",
    effectiveOn: null,
    supersedes: null,
    note: "Ngày hiệu lực chưa được đối chiếu với nguồn: để trống.",
  },
  {
    number: "92/2024/NĐ-CP",
    type: LegalDocumentType.DECREE,
    title: "Nghị định về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã",
    issuer: "Chính phủ",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: DATE_NOT_IN_SOURCES,
  },
  {
    number: "01/2020/TT-BKHĐT",
    type: LegalDocumentType.CIRCULAR,
    title: "Thông tư hướng dẫn phân loại và đánh giá hợp tác xã",
    issuer: "Bộ Kế hoạch và Đầu tư",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: DATE_NOT_IN_SOURCES,
  },
  {
    number: "09/2024/TT-BKHĐT",
    type: LegalDocumentType.CIRCULAR,
    title: "Thông tư ban hành biểu mẫu và hướng dẫn về hệ thống thông tin quốc gia về hợp tác xã",
    issuer: "Bộ Kế hoạch và Đầu tư",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: DATE_NOT_IN_SOURCES,
  },
  {
    number: "1048/QĐ-TTg",
    type: LegalDocumentType.DECISION,
    title: "Quyết định ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm",
    issuer: "Thủ tướng Chính phủ",
    issuedOn: "2019-08-21",
    effectiveOn: null,
    supersedes: null,
    note: "Được thay thế bởi Quyết định 148/QĐ-TTg.",
  },
  {
    number: "148/QĐ-TTg",
    type: LegalDocumentType.DECISION,
    title: "Quyết định ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm",
    issuer: "Thủ tướng Chính phủ",
    issuedOn: "2023-02-24",
    effectiveOn: null,
    supersedes: "1048/QĐ-TTg",
    note: null,
  },
  {
    number: "340/QĐ-TTg",
    type: LegalDocumentType.DECISION,
    title: "Quyết định phê duyệt Chiến lược phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021–2030",
    issuer: "Thủ tướng Chính phủ",
    issuedOn: "2021-03-12",
    effectiveOn: null,
    supersedes: null,
    note: null,
  },
  {
    number: "20-NQ/TW",
    type: LegalDocumentType.RESOLUTION,
    title: "Nghị quyết về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới",
    issuer: "Ban Chấp hành Trung ương Đảng",
    issuedOn: "2022-06-16",
    effectiveOn: null,
    supersedes: null,
    note: null,
  },
  {
    number: "KH-KTTT-2024/UBND",
    type: LegalDocumentType.PLAN,
    title: "Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Hà Tĩnh năm 2024",
    issuer: "Ủy ban nhân dân tỉnh Hà Tĩnh",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: ILLUSTRATIVE_PLAN,
  },
  {
    number: "KH-KTTT-2025/UBND",
    type: LegalDocumentType.PLAN,
    title: "Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Hà Tĩnh năm 2025",
    issuer: "Ủy ban nhân dân tỉnh Hà Tĩnh",
    issuedOn: null,
    effectiveOn: null,
    supersedes: null,
    note: ILLUSTRATIVE_PLAN,
  },
];

export const documentId = (number: string) => stableUuid(`legal-document/${number}`);

export interface CatalogueAgency {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  adminUnitCode: string | null;
  responsibleKinds: PolicyKind[];
  /** Valid until (district committees end with their unit). */
  validTo: string | null;
}

const agency = (
  code: string,
  name: string,
  kind: AgencyKind,
  responsibleKinds: PolicyKind[],
  adminUnitCode: string | null = null,
  validTo: string | null = null,
): CatalogueAgency => ({
  id: stableUuid(`agency/${code}`),
  code,
  name,
  kind,
  adminUnitCode,
  responsibleKinds,
  validTo,
});

const P = PolicyKind;
export const AGENCIES: CatalogueAgency[] = [
  agency("SO-NNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", AgencyKind.PROVINCIAL_DEPARTMENT, [P.AGRICULTURE_SPECIFIC, P.INFRASTRUCTURE_EQUIPMENT]),
  agency("SO-CT", "Sở Công Thương", AgencyKind.PROVINCIAL_DEPARTMENT, [P.TRADE_PROMOTION_MARKET]),
  agency("SO-TC", "Sở Tài chính", AgencyKind.PROVINCIAL_DEPARTMENT, [P.CREDIT_DEVELOPMENT_FUND, P.TAX_FEES]),
  agency("SO-KHDT", "Sở Kế hoạch và Đầu tư", AgencyKind.PROVINCIAL_DEPARTMENT, [P.CONSULTING_INFORMATION]),
  agency("SO-KHCN", "Sở Khoa học và Công nghệ", AgencyKind.PROVINCIAL_DEPARTMENT, [P.SCIENCE_TECHNOLOGY_DIGITAL]),
  agency("LMHTX", "Liên minh Hợp tác xã tỉnh Hà Tĩnh", AgencyKind.COOPERATIVE_ALLIANCE, [
    P.HUMAN_RESOURCES,
    P.CREDIT_DEVELOPMENT_FUND,
    P.CONSULTING_INFORMATION,
  ]),
  ...ADMIN_UNITS.map((u) =>
    agency(
      `UBND-${u.code}`,
      `Ủy ban nhân dân ${u.name}`,
      AgencyKind.DISTRICT_COMMITTEE,
      [P.HUMAN_RESOURCES, P.LAND, P.INFRASTRUCTURE_EQUIPMENT],
      u.code,
      u.validTo,
    ),
  ),
];

export interface CataloguePolicy {
  id: string;
  code: string;
  name: string;
  kind: PolicyKind;
  description: string;
  eligibleKinds: OrganizationKind[];
  basis: string[];
}

const ALL = [OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION, OrganizationKind.COOPERATIVE_GROUP];
const LEGAL_PERSONS = [OrganizationKind.COOPERATIVE, OrganizationKind.COOPERATIVE_UNION];
const CORE_BASIS = ["17/2023/QH15", "113/2024/NĐ-CP"];

const policy = (code: string, kind: PolicyKind, name: string, description: string, eligibleKinds: OrganizationKind[], basis: string[]): CataloguePolicy => ({
  id: stableUuid(`support-policy/${code}`),
  code,
  name,
  kind,
  description,
  eligibleKinds,
  basis,
});

export const POLICIES: CataloguePolicy[] = [
  policy(
    "CS-NNL",
    P.HUMAN_RESOURCES,
    "Hỗ trợ đào tạo, bồi dưỡng nguồn nhân lực cho tổ chức kinh tế tập thể",
    "Đào tạo, bồi dưỡng cán bộ quản lý, thành viên, người lao động; đưa lao động trẻ có trình độ về làm việc tại hợp tác xã.",
    ALL,
    [...CORE_BASIS, "20-NQ/TW", "340/QĐ-TTg"],
  ),
  policy(
    "CS-KHCN-CDS",
    P.SCIENCE_TECHNOLOGY_DIGITAL,
    "Hỗ trợ ứng dụng khoa học, công nghệ và chuyển đổi số",
    "Chuyển giao công nghệ, phần mềm quản lý, kế toán; số hóa và kết nối hệ thống thông tin quốc gia về hợp tác xã.",
    ALL,
    [...CORE_BASIS, "09/2024/TT-BKHĐT"],
  ),
  policy(
    "CS-XTTM",
    P.TRADE_PROMOTION_MARKET,
    "Hỗ trợ xúc tiến thương mại, mở rộng thị trường",
    "Gian hàng hội chợ, triển lãm trong và ngoài tỉnh, kết nối cung cầu, đưa sản phẩm OCOP lên sàn thương mại điện tử.",
    ALL,
    [...CORE_BASIS, "148/QĐ-TTg"],
  ),
  policy(
    "CS-TD-QPT",
    P.CREDIT_DEVELOPMENT_FUND,
    "Hỗ trợ tiếp cận tín dụng và Quỹ hỗ trợ phát triển hợp tác xã",
    "Cho vay ưu đãi từ Quỹ hỗ trợ phát triển hợp tác xã, hỗ trợ lãi suất sau đầu tư.",
    LEGAL_PERSONS,
    CORE_BASIS,
  ),
  policy(
    "CS-DD",
    P.LAND,
    "Hỗ trợ về đất đai",
    "Giao đất, cho thuê đất làm trụ sở, cơ sở sản xuất, kinh doanh; miễn, giảm tiền thuê đất.",
    LEGAL_PERSONS,
    CORE_BASIS,
  ),
  policy(
    "CS-HT-TTB",
    P.INFRASTRUCTURE_EQUIPMENT,
    "Hỗ trợ đầu tư kết cấu hạ tầng, trang thiết bị",
    "Nhà xưởng, kho bãi, sân phơi, hệ thống thủy lợi nội đồng, máy móc, trang thiết bị phục vụ thành viên.",
    LEGAL_PERSONS,
    [...CORE_BASIS, "340/QĐ-TTg"],
  ),
  policy(
    "CS-TV-TT",
    P.CONSULTING_INFORMATION,
    "Hỗ trợ tư vấn, tiếp cận thông tin, thành lập mới và tổ chức lại",
    "Tư vấn thành lập, đăng ký, tổ chức lại; cung cấp thông tin pháp luật, thị trường.",
    ALL,
    [...CORE_BASIS, "92/2024/NĐ-CP", "77/2019/NĐ-CP"],
  ),
  policy(
    "CS-NN",
    P.AGRICULTURE_SPECIFIC,
    "Hỗ trợ riêng đối với hợp tác xã nông nghiệp",
    "Giống, vật tư, chế biến, bảo quản sản phẩm nông nghiệp; liên kết sản xuất gắn với tiêu thụ.",
    LEGAL_PERSONS,
    [...CORE_BASIS, "20-NQ/TW"],
  ),
];

export const POLICY_OF_KIND = new Map(POLICIES.map((p) => [p.kind, p]));
