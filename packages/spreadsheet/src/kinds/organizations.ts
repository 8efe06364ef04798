/**
 * The organisations register (danh sách HTX, LHHTX, THT): its columns as the Alliance's sheets and
 * the old annex I-19 report write them, and how a row becomes an `OrganizationImportRow`.
 * Labels are built on the law's concepts, not on a form whose field list was never published.
 */
import { KIND_LABEL, MemberKind, MembershipType, OrganizationStatus, SECTOR_LABEL } from "@kttt/reference";
import type { KindSpec } from "../columns";
import {
  choice,
  COLLECTIVE_KIND_SPELLINGS,
  column,
  DATE,
  DISTRICT_ALIASES,
  labelledChoices,
  moneyColumn,
  registrationNumberColumn,
  text,
} from "./shared-columns";

export const organizationsKind: KindSpec = {
  name: "organisations",
  sheetName: "Tổ chức",
  columns: [
    column(
      "name",
      "Tên tổ chức",
      ["Tên", "Tên HTX", "Tên hợp tác xã", "Tên đơn vị", "Tên tổ hợp tác", "Tên HTX, THT", "Tên HTX/THT", "Tên tổ chức kinh tế tập thể", "Tên doanh nghiệp"],
      text(300),
      "Tên đầy đủ, có dấu, ví dụ: Hợp tác xã Nông nghiệp Kỳ Phú.",
      true,
    ),
    column(
      "kind",
      "Loại hình",
      ["Loại hình kinh tế", "Loại hình tổ chức", "Loại"],
      choice(labelledChoices(KIND_LABEL, COLLECTIVE_KIND_SPELLINGS)),
      "Hợp tác xã (HTX), Liên hiệp hợp tác xã (LHHTX) hoặc Tổ hợp tác (THT).",
      true,
    ),
    registrationNumberColumn(
      "registrationNumber",
      "Mã số HTX (mã số thuế)",
      ["Mã số thuế", "MST", "Mã số hợp tác xã", "Mã số HTX", "Mã số hợp tác xã/mã số thuế", "Mã số đăng ký", "Mã số doanh nghiệp", "Mã số"],
      "10 chữ số (chi nhánh thêm -3 chữ số); có thể viết có dấu chấm hoặc khoảng trắng. Tổ hợp tác để trống.",
    ),
    column(
      "adminUnit",
      "Đơn vị hành chính",
      [...DISTRICT_ALIASES, "Đơn vị hành chính cấp huyện"],
      text(100),
      "Mã (ví dụ 444) hoặc tên đơn vị hành chính nơi đăng ký (ví dụ Huyện Hương Khê), đúng với ngày thành lập.",
      true,
    ),
    column(
      "sector",
      "Lĩnh vực",
      ["Lĩnh vực hoạt động", "Lĩnh vực hoạt động chủ yếu", "Ngành nghề", "Ngành"],
      choice(
        labelledChoices(SECTOR_LABEL, {
          AGRICULTURE: ["Nông nghiệp", "Nông, lâm, ngư nghiệp", "Nông lâm ngư nghiệp"],
          INDUSTRY_HANDICRAFT: ["Công nghiệp", "Tiểu thủ công nghiệp", "Công nghiệp - tiểu thủ công nghiệp", "Điện"],
          TRADE_SERVICES: ["Thương mại", "Dịch vụ", "Thương mại, dịch vụ", "Quản lý chợ"],
          CONSTRUCTION: [],
          TRANSPORT: ["Vận tải", "Giao thông vận tải"],
          ENVIRONMENT: ["Vệ sinh môi trường"],
          PEOPLES_CREDIT_FUND: ["QTDND", "Tín dụng", "Quỹ tín dụng"],
        }),
      ),
      "Một trong bảy nhóm lĩnh vực tỉnh báo cáo (xem danh sách chọn).",
      true,
    ),
    column(
      "status",
      "Tình trạng",
      ["Tình trạng hoạt động", "Trạng thái"],
      choice([
        { value: OrganizationStatus.ACTIVE, label: "Đang hoạt động", spellings: ["Hoạt động"] },
        { value: OrganizationStatus.SUSPENDED, label: "Tạm ngừng hoạt động", spellings: ["Ngừng hoạt động", "Tạm ngừng"] },
      ]),
      "Đang hoạt động (cần đủ số thành viên chính thức tối thiểu) hoặc Tạm ngừng hoạt động; để trống là đang hoạt động. Giải thể không nhập qua tệp.",
    ),
    column(
      "establishedOn",
      "Ngày thành lập",
      ["Ngày đăng ký", "Ngày cấp", "Ngày cấp giấy chứng nhận đăng ký", "Ngày thành lập/đăng ký", "Ngày đăng ký thành lập"],
      DATE,
      "Ngày/tháng/năm (dd/mm/yyyy), ví dụ 24/02/2023.",
      true,
    ),
    column("address", "Địa chỉ trụ sở", ["Địa chỉ", "Địa chỉ trụ sở chính", "Trụ sở"], text(500), "Địa chỉ trụ sở chính."),
    column(
      "representative",
      "Người đại diện",
      ["Người đại diện theo pháp luật", "Giám đốc", "Họ tên người đại diện", "Tổ trưởng", "Chủ tịch HĐQT kiêm giám đốc"],
      text(200),
      "Họ và tên người đại diện theo pháp luật (tổ trưởng với tổ hợp tác).",
    ),
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
    column(
      "organization",
      "Mã số HTX hoặc tên tổ hợp tác",
      ["Mã số HTX", "Mã số thuế", "Mã số hợp tác xã", "Tổ chức", "Tên tổ chức", "Tên HTX", "Tên tổ hợp tác"],
      text(300),
      "Mã số của hợp tác xã (như ở trang Tổ chức); tổ hợp tác ghi đúng tên như ở trang Tổ chức.",
      true,
    ),
    column(
      "fullName",
      "Họ và tên",
      ["Tên thành viên", "Họ tên", "Họ và tên thành viên"],
      text(300),
      "Họ và tên thành viên (hoặc tên hộ, tên pháp nhân).",
      true,
    ),
    column(
      "kind",
      "Loại thành viên",
      ["Cá nhân/hộ/pháp nhân"],
      choice([
        { value: MemberKind.INDIVIDUAL, label: "Cá nhân" },
        { value: MemberKind.HOUSEHOLD, label: "Hộ gia đình", spellings: ["Hộ"] },
        { value: MemberKind.LEGAL_ENTITY, label: "Pháp nhân" },
      ]),
      "Cá nhân, Hộ gia đình hoặc Pháp nhân; để trống là cá nhân.",
    ),
    column(
      "membershipType",
      "Loại hình thành viên",
      ["Thành viên", "Loại thành viên chính thức/liên kết"],
      choice([
        { value: MembershipType.OFFICIAL, label: "Thành viên chính thức", spellings: ["Chính thức"] },
        { value: MembershipType.ASSOCIATE_WITH_CAPITAL, label: "Thành viên liên kết góp vốn", spellings: ["Liên kết góp vốn"] },
        { value: MembershipType.ASSOCIATE_WITHOUT_CAPITAL, label: "Thành viên liên kết không góp vốn", spellings: ["Liên kết không góp vốn"] },
      ]),
      "Thành viên chính thức, liên kết góp vốn hoặc liên kết không góp vốn (Luật Hợp tác xã 2023, Điều 4).",
      true,
    ),
    moneyColumn(
      "capitalContributed",
      "Vốn góp (đồng)",
      ["Vốn góp", "Giá trị vốn góp", "Vốn góp giá trị"],
      "Giá trị phần vốn góp; đơn vị ghi ở tiêu đề cột (đồng, nghìn đồng, triệu đồng); để trống là 0.",
    ),
    column("joinedOn", "Ngày gia nhập", ["Ngày kết nạp", "Ngày vào"], DATE, "Ngày/tháng/năm, không trước ngày thành lập.", true),
  ],
};
