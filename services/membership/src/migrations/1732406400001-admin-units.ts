import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Reference data: Hà Tĩnh's 13 district-level units (province code 42) with the periods they
 * existed. Facts, not demo data, so every database has them.
 */
export class AdminUnits1732406400001 implements MigrationInterface {
  name = "AdminUnits1732406400001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO admin_unit (code, name, kind, valid_from, valid_to, successor_code, change_note) VALUES
      ('436', 'Thành phố Hà Tĩnh', 'CITY', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('437', 'Thị xã Hồng Lĩnh', 'TOWN', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('439', 'Huyện Hương Sơn', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('440', 'Huyện Đức Thọ', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('441', 'Huyện Vũ Quang', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('442', 'Huyện Nghi Xuân', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('443', 'Huyện Can Lộc', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('444', 'Huyện Hương Khê', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('445', 'Huyện Thạch Hà', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('446', 'Huyện Cẩm Xuyên', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('447', 'Huyện Kỳ Anh', 'DISTRICT', '1991-10-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('449', 'Thị xã Kỳ Anh', 'TOWN', '2015-06-01', '2025-06-30', NULL, 'Cấp huyện chấm dứt hoạt động từ 01/7/2025 theo chủ trương sắp xếp đơn vị hành chính hai cấp.'),
      ('448', 'Huyện Lộc Hà', 'DISTRICT', '2007-07-01', '2024-12-31', '445', 'Sáp nhập vào Huyện Thạch Hà theo phương án sắp xếp đơn vị hành chính giai đoạn 2023–2025 (ngày hiệu lực minh họa, cần đối chiếu nghị quyết).')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM admin_unit");
  }
}
