-- 0002_screenings: stored screenings of reports, and tasks that remember
-- the screening action they came from.
--
-- A screening is append-only: a later screening of the same report (new
-- facts, an override) is a new row, so a report's classification and risk
-- level are a history. facts_json and result_json hold the documents as
-- screened (input and output contracts, version 1); the summary columns are
-- copies of what the result says, for listing and counting. Timestamps are
-- INTEGER seconds since the Unix epoch (UTC), as in 0001_init.

CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id),
  force TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  facts_json TEXT NOT NULL,
  result_json TEXT NOT NULL,
  stalking_indicated INTEGER NOT NULL CHECK (stalking_indicated IN (0, 1)),
  primary_offence TEXT NOT NULL,
  risk_level TEXT NOT NULL,
  item_bank_version TEXT NOT NULL,
  override_offence TEXT NOT NULL,
  override_reason TEXT NOT NULL,
  risk_override_rationale TEXT NOT NULL,
  screened_by TEXT NOT NULL,
  screened_at INTEGER NOT NULL
);
-- A report's screenings, newest first.
CREATE INDEX screenings_by_report ON screenings (report_id, screened_at DESC, id DESC);

CREATE TRIGGER screenings_no_update BEFORE UPDATE ON screenings
BEGIN
  SELECT RAISE(ABORT, 'screenings are append-only');
END;
CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
BEGIN
  SELECT RAISE(ABORT, 'screenings are append-only');
END;

-- Tasks made from a screening's suggested actions: the action rule id
-- (config/screening/actions.yaml; '' for tasks added by hand) and the
-- screening (NULL for tasks added by hand).
ALTER TABLE tasks ADD COLUMN action_id TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN screening_id INTEGER REFERENCES screenings (id);
-- "Is there an open task for this action on this case?"
CREATE INDEX tasks_by_case_action ON tasks (case_id, action_id, done);
