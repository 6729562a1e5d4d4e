-- 0003_report_classifications_force: each report's force beside its
-- classifications (as received_at already is), so a classification search
-- scoped to a force -- the common one: every search is scoped to the
-- caller's force -- counts and pages from one index without reading a
-- reports row. The repository writes the column whenever it writes a
-- report's classifications (insert and every update), so it always equals
-- reports.force.

ALTER TABLE report_classifications ADD COLUMN force TEXT NOT NULL DEFAULT '';

UPDATE report_classifications
  SET force = (SELECT r.force FROM reports AS r WHERE r.id = report_classifications.report_id);

CREATE INDEX report_classifications_by_classification_force
  ON report_classifications (classification, force, received_at DESC, report_id DESC);
