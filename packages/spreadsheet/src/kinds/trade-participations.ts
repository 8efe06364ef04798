/**
 * Lists of participants in trade-promotion events (danh sách đơn vị tham gia hội chợ, triển lãm):
 * one row per participant and event, with its booths and results; how a row becomes a
 * `TradeParticipationImportRow` of the trade-promotion subgraph's importTradeParticipations. The
 * participant is found in membership by its registration number (a group by its name).
 */
import { cleanText, foldText } from "@kttt/core";
import type { ColumnSpec, KindSpec } from "../columns";
import type { ImportKind } from "../importer";
import { importMutation } from "../import-mutation";
import { findMembershipOwners } from "./membership-owners";
import { adminUnitColumn, collectiveColumns, column, communeColumn, countColumn, DATE, moneyColumn, noteColumn, text } from "./shared-columns";

const money = (key: string, label: string, aliases: string[], note: string): ColumnSpec =>
  moneyColumn(key, `${label} (đồng)`, aliases, `${note}; đơn vị ghi ở tiêu đề cột (đồng, triệu đồng, tỷ đồng); để trống là 0.`);
const count = (key: string, label: string, aliases: string[], note: string): ColumnSpec => countColumn(key, label, aliases, `${note}; để trống là 0.`);

export const tradeParticipationsKind: KindSpec = {
  name: "trade participations",
  sheetName: "Tham gia XTTM",
  columns: [
    column(
      "eventName",
      "Tên sự kiện",
      ["Sự kiện", "Tên hội chợ", "Hội chợ, triển lãm", "Tên hoạt động", "Hoạt động xúc tiến thương mại"],
      text(300),
      "Tên sự kiện đúng như đã ghi trong hệ thống (không phân biệt hoa thường, dấu).",
      true,
    ),
    column("eventStartsOn", "Ngày bắt đầu sự kiện", ["Ngày khai mạc", "Ngày bắt đầu"], DATE, "Chỉ cần khi có nhiều sự kiện cùng tên (dd/mm/yyyy)."),
    ...collectiveColumns(
      "participant",
      "Loại chủ thể",
      ["Loại hình", "Loại hình chủ thể"],
      "Tên đơn vị tham gia",
      ["Đơn vị tham gia", "Tên HTX", "Tên chủ thể", "Chủ thể", "Tên đơn vị"],
      "Tên hợp tác xã, tổ hợp tác tham gia.",
    ),
    adminUnitColumn("nơi đơn vị đăng ký"),
    communeColumn,
    column("attendedFrom", "Từ ngày", ["Ngày tham gia từ"], DATE, "Ngày đầu tham gia; để trống là ngày khai mạc."),
    column("attendedTo", "Đến ngày", ["Ngày tham gia đến"], DATE, "Ngày cuối tham gia; để trống là ngày bế mạc."),
    count("booths", "Số gian hàng", ["Gian hàng", "Số gian"], "Số gian hàng của đơn vị"),
    money("salesAmount", "Doanh thu", ["Doanh thu bán hàng", "Doanh số", "Doanh thu tại hội chợ"], "Doanh thu bán hàng tại sự kiện"),
    count("contractCount", "Số hợp đồng", ["Hợp đồng ký kết", "Số hợp đồng ký kết"], "Số hợp đồng ký kết"),
    money("contractValue", "Giá trị hợp đồng", ["Giá trị hợp đồng ký kết"], "Giá trị các hợp đồng; cần ít nhất 1 hợp đồng"),
    count("mouCount", "Số biên bản ghi nhớ", ["Biên bản ghi nhớ", "Số MOU"], "Số biên bản ghi nhớ"),
    money("mouValue", "Giá trị ghi nhớ", ["Giá trị biên bản ghi nhớ", "Giá trị MOU"], "Giá trị các biên bản ghi nhớ; cần ít nhất 1 biên bản"),
    noteColumn,
  ],
};

export const tradeParticipationsImport: ImportKind = {
  spec: tradeParticipationsKind,
  field: "importTradeParticipations",
  mutation: importMutation("importTradeParticipations", "TradeParticipationImportRow", "participationId"),
  key: (v) =>
    typeof v.eventName === "string" && typeof v.participantName === "string"
      ? `${foldText(v.eventName)}|${String(v.eventStartsOn ?? "")}|${String(v.participantRegistrationNumber ?? foldText(v.participantName))}`
      : null,
  keyColumn: "participantName",
  keyLabel: (v) => `${cleanText(String(v.participantName))} in ${cleanText(String(v.eventName))}`,
  prepare: (rows, ask) =>
    findMembershipOwners(rows, ask, { kind: "participantKind", number: "participantRegistrationNumber", name: "participantName", id: "participantId" }),
};
