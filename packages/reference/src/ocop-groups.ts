/** OCOP product groups of Decision 148/QĐ-TTg (24/02/2023). */

export type OcopGroupCode = "FOOD" | "BEVERAGE" | "HERBAL" | "HANDICRAFT" | "ORNAMENTAL" | "TOURISM";

/** The six product groups of Decision 148/QĐ-TTg with their Vietnamese names. */
export const OCOP_GROUP_LABEL: Record<OcopGroupCode, string> = {
  FOOD: "Thực phẩm",
  BEVERAGE: "Đồ uống",
  HERBAL: "Dược liệu và sản phẩm từ dược liệu",
  HANDICRAFT: "Hàng thủ công mỹ nghệ",
  ORNAMENTAL: "Sinh vật cảnh",
  TOURISM: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
};

/** The subgroups used here (illustrative names after Decision 148's annex; verify before official use). */
export const OCOP_SUBGROUPS: Record<OcopGroupCode, string[]> = {
  FOOD: ["Nông sản tươi sống", "Nông sản sơ chế", "Thực phẩm chế biến", "Gia vị", "Chè và sản phẩm từ chè"],
  BEVERAGE: ["Đồ uống có cồn", "Đồ uống không cồn"],
  HERBAL: ["Thực phẩm chức năng, thuốc từ dược liệu", "Mỹ phẩm, tinh dầu từ dược liệu"],
  HANDICRAFT: ["Thủ công mỹ nghệ, trang trí", "Đồ gia dụng"],
  ORNAMENTAL: ["Hoa, cây cảnh", "Động vật cảnh"],
  TOURISM: ["Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"],
};
