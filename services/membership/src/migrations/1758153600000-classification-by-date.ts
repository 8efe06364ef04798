import type { MigrationInterface, QueryRunner } from "typeorm";
import { sizeClassUnderDecree113 } from "../domain/classification";
import type { Sector } from "../domain/enums";

/**
 * Classification by date: an assessment date (null for the records made before it was kept), the ALLIANCE rule set
 * (its scheme's name and grade), no national rating outside Circular 01/2020 (repealed from 2025-09-18: the
 * database refuses such a rating dated later), and NOT_DETERMINED sizes under Decree 113/2024.
 */
export class ClassificationByDate1758153600000 implements MigrationInterface {
  name = "ClassificationByDate1758153600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE classification
        ADD COLUMN assessed_on date,
        ADD COLUMN scheme_name text,
        ADD COLUMN grade text,
        DROP CONSTRAINT classification_scheme_check,
        DROP CONSTRAINT classification_rating_check,
        DROP CONSTRAINT classification_size_class_check,
        DROP CONSTRAINT classification_check,
        ALTER COLUMN rating DROP NOT NULL`);
    // A size class recorded as a NOT_RATED "rating" was never a rating.
    await q.query(`UPDATE classification SET rating = NULL, not_rated_reason = NULL WHERE scheme = 'DECREE_113_2024'`);
    // Size classes recorded before were not checked (the demo's came from invented thresholds): each is worked out again
    // by the decree's known thresholds from the official members at the end of the year assessed and that year's revenue.
    const sized = (await q.query(`
      SELECT c.organization_id, c.year, o.kind, o.sector, f.revenue::text AS revenue,
             (SELECT count(*)::int FROM member m WHERE m.organization_id = c.organization_id AND m.membership_type = 'OFFICIAL'
                AND m.joined_on <= make_date(c.year, 12, 31) AND (m.left_on IS NULL OR m.left_on >= make_date(c.year, 12, 31))) AS official
      FROM classification c JOIN organization o ON o.id = c.organization_id
      LEFT JOIN financial_report f ON f.organization_id = c.organization_id AND f.year = c.year
      WHERE c.scheme = 'DECREE_113_2024'`)) as {
      organization_id: string;
      year: number;
      kind: string;
      sector: Sector;
      official: number;
      revenue: string | null;
    }[];
    const classes = sized.map((r) =>
      r.kind === "COOPERATIVE"
        ? sizeClassUnderDecree113({ sector: r.sector, officialMembers: r.official, revenue: r.revenue === null ? null : BigInt(r.revenue), totalCapital: null })
        : "NOT_DETERMINED",
    );
    await q.query(
      `UPDATE classification c SET size_class = s.size_class FROM unnest($1::uuid[], $2::int[], $3::text[]) AS s (organization_id, year, size_class)
       WHERE c.organization_id = s.organization_id AND c.year = s.year AND c.scheme = 'DECREE_113_2024'`,
      [sized.map((r) => r.organization_id), sized.map((r) => r.year), classes],
    );
    await q.query(`
      ALTER TABLE classification
        ADD CONSTRAINT classification_scheme_check CHECK (scheme IN ('CIRCULAR_01_2020', 'DECREE_113_2024', 'ALLIANCE')),
        ADD CONSTRAINT classification_rating_check CHECK (rating IN ('GOOD', 'FAIR', 'AVERAGE', 'WEAK', 'NOT_RATED')),
        ADD CONSTRAINT classification_size_class_check CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'NOT_DETERMINED')),
        ADD CONSTRAINT classification_national_rating_check CHECK (
          CASE WHEN scheme = 'CIRCULAR_01_2020'
            THEN rating IS NOT NULL AND (rating = 'NOT_RATED') = (score IS NULL) AND (assessed_on IS NULL OR assessed_on < DATE '2025-09-18')
            ELSE rating IS NULL END),
        ADD CONSTRAINT classification_size_check CHECK (scheme <> 'DECREE_113_2024' OR size_class IS NOT NULL),
        ADD CONSTRAINT classification_alliance_check CHECK ((scheme = 'ALLIANCE') = (scheme_name IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE classification
        DROP CONSTRAINT classification_alliance_check,
        DROP CONSTRAINT classification_size_check,
        DROP CONSTRAINT classification_national_rating_check,
        DROP CONSTRAINT classification_size_class_check,
        DROP CONSTRAINT classification_scheme_check`);
    await q.query(`DELETE FROM classification WHERE scheme = 'ALLIANCE'`);
    await q.query(`UPDATE classification SET size_class = NULL WHERE size_class = 'NOT_DETERMINED'`);
    await q.query(`UPDATE classification SET rating = 'NOT_RATED', not_rated_reason = 'Phân loại quy mô, không chấm điểm' WHERE rating IS NULL`);
    await q.query(`
      ALTER TABLE classification
        DROP CONSTRAINT classification_rating_check,
        DROP COLUMN grade,
        DROP COLUMN scheme_name,
        DROP COLUMN assessed_on,
        ALTER COLUMN rating SET NOT NULL,
        ADD CONSTRAINT classification_scheme_check CHECK (scheme IN ('CIRCULAR_01_2020', 'DECREE_113_2024')),
        ADD CONSTRAINT classification_rating_check CHECK (rating IN ('GOOD', 'FAIR', 'AVERAGE', 'WEAK', 'NOT_RATED')),
        ADD CONSTRAINT classification_size_class_check CHECK (size_class IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
        ADD CONSTRAINT classification_check CHECK ((rating = 'NOT_RATED') = (score IS NULL) OR scheme <> 'CIRCULAR_01_2020')`);
  }
}
