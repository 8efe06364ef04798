/** Vietnamese name parts for demo people and organisations (with diacritics, NFC). */
export const FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh", "Thái", "Đậu"];
export const MIDDLE_NAMES_MALE = ["Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Đình", "Công", "Thanh"];
export const MIDDLE_NAMES_FEMALE = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng"];
export const GIVEN_NAMES_MALE = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Vinh", "Hiếu", "Lâm", "Đạt", "Khánh", "Toàn", "Trung"];
export const GIVEN_NAMES_FEMALE = ["Hà", "Hằng", "Hoa", "Hương", "Lan", "Mai", "Nga", "Tâm", "Thảo", "Trang", "Yến", "Loan", "Lý", "Nhung", "Phương", "Thủy"];
export const VILLAGES = ["Trung Sơn", "Tân Phúc", "Đông Hà", "Bắc Sơn", "Nam Sơn", "Yên Lạc", "Phú Thọ", "Hòa Bình", "Quyết Tiến", "Tân Tiến", "Thượng Long", "Hạ Long", "Đông Văn", "Tây Hồ"];

export const COOPERATIVE_NAME_PATTERNS: Record<string, string[]> = {
  AGRICULTURE: [
    "Hợp tác xã Nông nghiệp", "Hợp tác xã Dịch vụ Nông nghiệp", "Hợp tác xã Sản xuất và Kinh doanh Dịch vụ Nông nghiệp",
    "Hợp tác xã Chăn nuôi", "Hợp tác xã Trồng trọt và Chăn nuôi", "Hợp tác xã Thủy sản", "Hợp tác xã Lâm nghiệp",
    "Hợp tác xã Nuôi ong", "Hợp tác xã Cam", "Hợp tác xã Bưởi", "Hợp tác xã Muối", "Hợp tác xã Rau sạch",
    "Hợp tác xã Dược liệu", "Hợp tác xã Nấm", "Hợp tác xã Chăn nuôi hươu",
  ],
  INDUSTRY_HANDICRAFT: [
    "Hợp tác xã Mộc", "Hợp tác xã Điện năng", "Hợp tác xã Chế biến Nông sản", "Hợp tác xã Nước mắm",
    "Hợp tác xã Mây tre đan", "Hợp tác xã Chế biến Thực phẩm", "Hợp tác xã Cơ khí",
  ],
  TRADE_SERVICES: [
    "Hợp tác xã Thương mại Dịch vụ", "Hợp tác xã Dịch vụ Tổng hợp", "Hợp tác xã Quản lý Chợ", "Hợp tác xã Du lịch Cộng đồng",
  ],
  CONSTRUCTION: ["Hợp tác xã Xây dựng", "Hợp tác xã Xây dựng và Vật liệu"],
  TRANSPORT: ["Hợp tác xã Vận tải", "Hợp tác xã Vận tải Hành khách", "Hợp tác xã Vận tải Thủy"],
  ENVIRONMENT: ["Hợp tác xã Môi trường", "Hợp tác xã Vệ sinh Môi trường", "Hợp tác xã Dịch vụ Môi trường và Nước sạch"],
  PEOPLES_CREDIT_FUND: ["Quỹ tín dụng nhân dân"],
};

export const GROUP_ACTIVITIES: Record<string, string[]> = {
  AGRICULTURE: [
    "Sản xuất Rau an toàn", "Nuôi ong", "Chăn nuôi Lợn", "Trồng Cam", "Trồng Bưởi", "Nuôi Tôm", "Trồng Nấm",
    "Chăn nuôi Gà", "Trồng Chè", "Đánh bắt Hải sản", "Nuôi Hươu",
  ],
  INDUSTRY_HANDICRAFT: ["Làm Bánh đa", "Đan lát", "Làm Nước mắm", "Chế biến Giò bột", "Làm Chổi đót", "Làm Hương trầm", "Dệt may", "Mộc dân dụng"],
  TRADE_SERVICES: ["Dịch vụ Tổng hợp", "Kinh doanh Nông sản", "Du lịch Cộng đồng"],
  CONSTRUCTION: ["Xây dựng Dân dụng"],
  TRANSPORT: ["Vận tải Hàng hóa"],
  ENVIRONMENT: ["Thu gom Rác thải"],
};
