/**
 * The organisations register (danh sách HTX, LHHTX, THT): its columns as the Alliance's sheets and
 * the old annex I-19 report write them, and how a row becomes an `OrganizationImportRow`.
 * Labels are built on the law's concepts, not on a form whose field list was never published.
 */
import { OrganizationKind } from "@kttt/core";
import { KIND_LABEL, MemberKind, MembershipType, OrganizationStatus, Sector, SECTOR_LABEL } from "@kttt/reference";
import type { KindSpec } from "../columns";
import { registrationNumberColumn } from "./shared-columns";

export const organizationsKind: KindSpec = {
  name: "organisations",
  sheetName: "Tổ chức",
  columns: [
    {
      key: "name",
      label: "Tên tổ chức",
      aliases: [
        "Tên",
        "Tên HTX",
        "Tên hợp tác xã",
        "Tên đơn vị",
        "Tên tổ hợp tác",
        "Tên HTX, THT",
        "Tên HTX/THT",
        "Tên tổ chức kinh tế tập thể",
        "Tên doanh nghiệp",
      ],
      type: { kind: "text", maxLength: 300 },
      required: true,
      note: "Tên đầy đủ, có dấu, ví dụ: Hợp tác xã Nông nghiệp Kỳ Phú.",
    },
    {
      key: "kind",
      label: "Loại hình",
      aliases: ["Loại hình kinh tế", "Loại hình tổ chức", "Loại"],
      type: {
        kind: "choice",
        choices: [
          { value: OrganizationKind.COOPERATIVE, label: KIND_LABEL.COOPERATIVE, spellings: ["HTX"] },
          { value: OrganizationKind.COOPERATIVE_UNION, label: KIND_LABEL.COOPERATIVE_UNION, spellings: ["LHHTX", "Liên hiệp HTX"] },
          { value: OrganizationKind.COOPERATIVE_GROUP, label: KIND_LABEL.COOPERATIVE_GROUP, spellings: ["THT"] },
        ],
      },
      required: true,
      note: "Hợp tác xã (HTX), Liên hiệp hợp tác xã (LHHTX) hoặc Tổ hợp tác (THT).",
    },
    registrationNumberColumn(
      "registrationNumber",
      "Mã số HTX (mã số thuế)",
      ["Mã số thuế", "MST", "Mã số hợp tác xã", "Mã số HTX", "Mã số hợp tác xã/mã số thuế", "Mã số đăng ký", "Mã số doanh nghiệp", "Mã số"],
      "10 chữ số (chi nhánh thêm -3 chữ số); có thể viết có dấu chấm hoặc khoảng trắng. Tổ hợp tác để trống.",
    ),
    {
      key: "adminUnit",
      label: "Đơn vị hành chính",
      aliases: ["Huyện", "Huyện, thị xã, thành phố", "Huyện/thị xã/thành phố", "Địa bàn", "Mã đơn vị hành chính", "Mã huyện", "Đơn vị hành chính cấp huyện"],
      type: { kind: "text", maxLength: 100 },
      required: true,
      note: "Mã (ví dụ 444) hoặc tên đơn vị hành chính nơi đăng ký (ví dụ Huyện Hương Khê), đúng với ngày thành lập.",
    },
    {
      key: "sector",
      label: "Lĩnh vực",
      aliases: ["Lĩnh vực hoạt động", "Lĩnh vực hoạt động chủ yếu", "Ngành nghề", "Ngành"],
      type: {
        kind: "choice",
        choices: (Object.keys(SECTOR_LABEL) as Sector[]).map((value) => ({
          value,
          label: SECTOR_LABEL[value],
          spellings: {
            AGRICULTURE: ["Nông nghiệp", "Nông, lâm, ngư nghiệp", "Nông lâm ngư nghiệp"],
            INDUSTRY_HANDICRAFT: ["Công nghiệp", "Tiểu thủ công nghiệp", "Công nghiệp - tiểu thủ công nghiệp", "Điện"],
            TRADE_SERVICES: ["Thương mại", "Dịch vụ", "Thương mại, dịch vụ", "Quản lý chợ"],
            CONSTRUCTION: [],
            TRANSPORT: ["Vận tải", "Giao thông vận tải"],
            ENVIRONMENT: ["Vệ sinh môi trường"],
            PEOPLES_CREDIT_FUND: ["QTDND", "Tín dụng", "Quỹ tín dụng"],
          }[value],
        })),
      },
      required: true,
      note: "Một trong bảy nhóm lĩnh vực tỉnh báo cáo (xem danh sách chọn).",
    },
    {
      key: "status",
      label: "Tình trạng",
      aliases: ["Tình trạng hoạt động", "Trạng thái"],
      type: {
        kind: "choice",
        choices: [
          { value: OrganizationStatus.ACTIVE, label: "Đang hoạt động", spellings: ["Hoạt động"] },
          { value: OrganizationStatus.SUSPENDED, label: "Tạm ngừng hoạt động", spellings: ["Ngừng hoạt động", "Tạm ngừng"] },
        ],
      },
      note: "Đang hoạt động (cần đủ số thành viên chính thức tối thiểu) hoặc Tạm ngừng hoạt động; để trống là đang hoạt động. Giải thể không nhập qua tệp.",
    },
    {
      key: "establishedOn",
      label: "Ngày thành lập",
      aliases: ["Ngày đăng ký", "Ngày cấp", "Ngày cấp giấy chứng nhận đăng ký", "Ngày thành lập/đăng ký", "Ngày đăng ký thành lập"],
      type: { kind: "date" },
      required: true,
      note: "Ngày/tháng/năm (dd/mm/yyyy), ví dụ 24/02/2023.",
    },
    {
      key: "address",
      label: "Địa chỉ trụ sở",
      aliases: ["Địa chỉ", "Địa chỉ trụ sở chính", "Trụ sở"],
      type: { kind: "text", maxLength: 500 },
      note: "Địa chỉ trụ sở chính.",
    },
    {
      key: "representative",
      label: "Người đại diện",
      aliases: ["Người đại diện theo pháp luật", "Giám đốc", "Họ tên người đại diện", "Tổ trưởng", "Chủ tịch HĐQT kiêm giám đốc"],
      type: { kind: "text", maxLength: 200 },
      note: "Họ và tên người đại diện theo pháp luật (tổ trưởng với tổ hợp tác).",
    },
  ],
};

/**
 * The founding members of the organisations a register creates (sheet "Thành viên" of the same
 * workbook): an active organisation needs the law's minimum of official members recorded. Each row
 * names its organisation by registration number (a group by its name).
 */
export const foundingMembersKind: KindSpec = {
  name: "founding members",
  sheetName: "Thành viên",
  columns: [
    {
      key: "organization",
      label: "Mã số HTX hoặc tên tổ hợp tác",
      aliases: ["Mã số HTX", "Mã số thuế", "Mã số hợp tác xã", "Tổ chức", "Tên tổ chức", "Tên HTX", "Tên tổ hợp tác"],
      type: { kind: "text", maxLength: 300 },
      required: true,
      note: "Mã số của hợp tác xã (như ở trang Tổ chức); tổ hợp tác ghi đúng tên như ở trang Tổ chức.",
    },
    {
      key: "fullName",
      label: "Họ và tên",
      aliases: ["Tên thành viên", "Họ tên", "Họ và tên thành viên"],
      type: { kind: "text", maxLength: 300 },
      required: true,
      note: "Họ và tên thành viên (hoặc tên hộ, tên pháp nhân).",
    },
    {
      key: "kind",
      label: "Loại thành viên",
      aliases: ["Cá nhân/hộ/pháp nhân"],
      type: {
        kind: "choice",
        choices: [
          { value: MemberKind.INDIVIDUAL, label: "Cá nhân" },
          { value: MemberKind.HOUSEHOLD, label: "Hộ gia đình", spellings: ["Hộ"] },
          { value: MemberKind.LEGAL_ENTITY, label: "Pháp nhân" },
        ],
      },
      note: "Cá nhân, Hộ gia đình hoặc Pháp nhân; để trống là cá nhân.",
    },
    {
      key: "membershipType",
      label: "Loại hình thành viên",
      aliases: ["Thành viên", "Loại thành viên chính thức/liên kết"],
      type: {
        kind: "choice",
        choices: [
          { value: MembershipType.OFFICIAL, label: "Thành viên chính thức", spellings: ["Chính thức"] },
          { value: MembershipType.ASSOCIATE_WITH_CAPITAL, label: "Thành viên liên kết góp vốn", spellings: ["Liên kết góp vốn"] },
          { value: MembershipType.ASSOCIATE_WITHOUT_CAPITAL, label: "Thành viên liên kết không góp vốn", spellings: ["Liên kết không góp vốn"] },
        ],
      },
      required: true,
      note: "Thành viên chính thức, liên kết góp vốn hoặc liên kết không góp vốn (Luật Hợp tác xã 2023, Điều 4).",
    },
    {
      key: "capitalContributed",
      label: "Vốn góp (đồng)",
      aliases: ["Vốn góp", "Giá trị vốn góp", "Vốn góp giá trị"],
      type: { kind: "money" },
      note: "Giá trị phần vốn góp; đơn vị ghi ở tiêu đề cột (đồng, nghìn đồng, triệu đồng); để trống là 0.",
    },
    {
      key: "joinedOn",
      label: "Ngày gia nhập",
      aliases: ["Ngày kết nạp", "Ngày vào"],
      type: { kind: "date" },
      required: true,
      note: "Ngày/tháng/năm, không trước ngày thành lập.",
    },
  ],
};
