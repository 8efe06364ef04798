/**
 * An organisation's records as the Alliance's sheets keep them: member registers (danh sách thành viên,
 * after the old annex I-3), yearly figures (báo cáo tài chính, lao động năm) and classifications (kết
 * quả phân loại, đánh giá). Each row names its organisation by registration number or by name, with its
 * unit where two organisations share a name. Labels follow the law's concepts (import-formats.md), not a
 * form whose field list was never published.
 */
import { ClassificationScheme, IT_READINESS_LABEL, RATING_LABEL, SIZE_CLASS_LABEL, SizeClass } from "@kttt/reference";
import type { ColumnSpec, KindSpec } from "../columns";
import { foundingMembersKind } from "./organizations";
import { choice, column, countColumn, labelledChoices, moneyColumn, REGISTRATION_NUMBER, registrationNumberColumn, text } from "./shared-columns";

/** The organisation a row belongs to: its number, its name, and its unit (only to tell apart organisations of one name). */
export const ORGANIZATION_COLUMNS: ColumnSpec[] = [
  registrationNumberColumn(
    "registrationNumber",
    "Mã số HTX (mã số thuế)",
    ["Mã số thuế", "MST", "Mã số hợp tác xã", "Mã số HTX", "Mã số hợp tác xã/mã số thuế", "Mã số đăng ký", "Mã số"],
    "Mã số của hợp tác xã (10 chữ số, có thể có dấu chấm). Tổ hợp tác, hoặc khi không có mã số: để trống và ghi tên tổ chức.",
  ),
  column(
    "organizationName",
    "Tên tổ chức",
    ["Tên HTX", "Tên hợp tác xã", "Tên tổ hợp tác", "Tên HTX, THT", "Tên HTX/THT", "Tên đơn vị", "Tổ chức"],
    text(300),
    "Tên đã đăng ký, có dấu; dùng khi không có mã số (tổ hợp tác). Cần một trong hai cột mã số hoặc tên.",
  ),
  column(
    "adminUnit",
    "Đơn vị hành chính",
    ["Huyện", "Xã", "Xã, phường", "Xã/phường", "Địa bàn", "Mã đơn vị hành chính", "Huyện, thị xã, thành phố"],
    text(200),
    "Chỉ cần khi hai tổ chức trùng tên: huyện hoặc xã nơi đăng ký (ví dụ Xã Sơn Tây, huyện Hương Sơn), hoặc xã/phường hiện nay.",
  ),
];

export const membersKind: KindSpec = {
  name: "members",
  sheetName: "Thành viên",
  columns: [
    ...ORGANIZATION_COLUMNS,
    ...foundingMembersKind.columns.filter((c) => c.key !== "organization"),
    column(
      "memberOrganization",
      "Mã số HTX thành viên",
      ["Mã số thành viên pháp nhân", "Mã số HTX thành viên liên hiệp"],
      { kind: "code", pattern: REGISTRATION_NUMBER, example: "3001234567" },
      "Chỉ với liên hiệp hợp tác xã: mã số của hợp tác xã là thành viên (loại thành viên Pháp nhân).",
    ),
  ],
};

const YEAR: ColumnSpec["type"] = { kind: "integer", min: 1990, max: 2100 };

export const financialReportsKind: KindSpec = {
  name: "financial reports",
  sheetName: "Báo cáo năm",
  columns: [
    ...ORGANIZATION_COLUMNS,
    column("year", "Năm báo cáo", ["Năm"], YEAR, "Năm của số liệu, ví dụ 2024.", true),
    moneyColumn(
      "charterCapital",
      "Vốn điều lệ (đồng)",
      ["Vốn điều lệ", "Tổng vốn điều lệ"],
      "Vốn điều lệ cuối năm; đơn vị ghi ở tiêu đề cột (đồng, triệu đồng, tỷ đồng); không âm.",
      true,
    ),
    moneyColumn("revenue", "Doanh thu (đồng)", ["Doanh thu", "Tổng doanh thu", "Doanh thu năm"], "Doanh thu trong năm; không âm.", true),
    moneyColumn(
      "profit",
      "Lợi nhuận (đồng)",
      ["Lợi nhuận", "Lãi", "Lãi (lỗ)", "Lợi nhuận sau thuế", "Lãi, lỗ"],
      "Lợi nhuận trong năm; số âm là lỗ; không lớn hơn doanh thu.",
      true,
    ),
    countColumn(
      "regularWorkers",
      "Lao động thường xuyên (người)",
      ["Lao động thường xuyên", "Số lao động", "Lao động", "Số lao động thường xuyên"],
      "Số lao động thường xuyên.",
      true,
    ),
    moneyColumn(
      "averageMonthlyIncome",
      "Thu nhập bình quân (đồng/người/tháng)",
      ["Thu nhập bình quân", "Thu nhập bình quân/người/tháng", "Thu nhập bình quân của người lao động", "Thu nhập bình quân người lao động"],
      "Thu nhập bình quân một tháng của một lao động thường xuyên; 0 khi không có lao động thường xuyên.",
      true,
    ),
    countColumn(
      "managersTotal",
      "Cán bộ quản lý (người)",
      ["Cán bộ quản lý", "Số cán bộ quản lý", "Tổng số cán bộ quản lý"],
      "Hội đồng quản trị, giám đốc, kiểm soát, kế toán.",
      true,
    ),
    countColumn(
      "managersTrained",
      "Cán bộ quản lý đã qua đào tạo (người)",
      ["Cán bộ quản lý đã qua đào tạo", "Cán bộ đã qua đào tạo", "Đã qua đào tạo"],
      "Không nhiều hơn số cán bộ quản lý.",
      true,
    ),
    column(
      "itReadiness",
      "Mức độ ứng dụng CNTT",
      ["Ứng dụng công nghệ thông tin", "Mức độ ứng dụng công nghệ thông tin", "CNTT"],
      choice(labelledChoices(IT_READINESS_LABEL)),
      "Một trong bốn mức (xem danh sách chọn).",
      true,
    ),
  ],
};

export const classificationsKind: KindSpec = {
  name: "classifications",
  sheetName: "Xếp loại",
  columns: [
    ...ORGANIZATION_COLUMNS,
    column("year", "Năm đánh giá", ["Năm", "Năm xếp loại", "Năm phân loại"], YEAR, "Năm được đánh giá, ví dụ 2024.", true),
    column(
      "scheme",
      "Căn cứ đánh giá",
      ["Căn cứ", "Căn cứ phân loại"],
      choice([
        { value: ClassificationScheme.CIRCULAR_01_2020, label: "Thông tư 01/2020/TT-BKHĐT", spellings: ["TT 01/2020", "01/2020", "Thông tư 01/2020"] },
        { value: ClassificationScheme.DECREE_113_2024, label: "Nghị định 113/2024/NĐ-CP", spellings: ["NĐ 113/2024", "113/2024", "Nghị định 113/2024"] },
      ]),
      "Để trống là Thông tư 01/2020/TT-BKHĐT (xếp loại theo điểm).",
    ),
    column(
      "score",
      "Điểm",
      ["Tổng điểm", "Điểm đánh giá", "Số điểm"],
      { kind: "decimal", min: 0, max: 100 },
      "Tổng điểm trên 100; để trống khi chưa xếp loại.",
    ),
    column(
      "rating",
      "Xếp loại",
      ["Kết quả xếp loại", "Kết quả đánh giá", "Loại"],
      choice(
        labelledChoices(RATING_LABEL, {
          GOOD: ["Loại tốt", "Xếp loại tốt"],
          FAIR: ["Loại khá"],
          AVERAGE: ["Loại trung bình", "TB"],
          WEAK: ["Loại yếu", "Kém"],
          NOT_RATED: ["Không xếp loại", "Chưa đánh giá"],
        }),
      ),
      "Tốt (80–100 điểm), Khá (65 đến dưới 80), Trung bình (50 đến dưới 65), Yếu (dưới 50) hoặc Chưa xếp loại; phải khớp với điểm.",
      true,
    ),
    column(
      "sizeClass",
      "Quy mô",
      ["Phân loại quy mô", "Quy mô HTX"],
      choice(labelledChoices(SIZE_CLASS_LABEL).filter((c) => c.value !== SizeClass.NOT_DETERMINED)),
      "Siêu nhỏ, Nhỏ, Vừa hoặc Lớn, khi đã xác định; để trống nếu chưa.",
    ),
    column(
      "notRatedReason",
      "Lý do chưa xếp loại",
      ["Lý do không xếp loại", "Lý do"],
      text(500),
      "Bắt buộc khi Chưa xếp loại (ví dụ: hoạt động chưa đủ 12 tháng).",
    ),
  ],
};
