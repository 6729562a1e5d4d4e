-- 0001_init: the first vigil schema for SQLite.
--
-- Conventions:
--   * Timestamps (*_at) are INTEGER seconds since 1970-01-01T00:00:00Z (UTC);
--     dates (*_on, date_of_birth) are INTEGER days since 1970-01-01.
--   * Every versioned record (persons, reports, cases, tasks) has
--     `version INTEGER NOT NULL`, starting at 1 and bumped by every update
--     (optimistic concurrency, see src/storage/store.h).
--   * Lists inside a record live in child tables keyed by (parent id,
--     position) so their order survives a round trip and their values can be
--     indexed for linkage and search.
--   * Enumerations are stored by their stable lower_snake_case names.
--   * schema_migrations is created by the migration runner itself.

CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  force TEXT NOT NULL,
  date_of_birth INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX persons_by_force ON persons (force, id);
CREATE INDEX persons_by_date_of_birth ON persons (date_of_birth, id);

-- Names and aliases. The *_folded columns hold the trimmed, lower-cased name
-- so that prefix search ("any case") is an index range scan.
CREATE TABLE person_names (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  alias INTEGER NOT NULL CHECK (alias IN (0, 1)),
  given_name_folded TEXT NOT NULL,
  family_name_folded TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_names_by_given_name ON person_names (given_name_folded, person_id);
CREATE INDEX person_names_by_family_name ON person_names (family_name_folded, person_id);

CREATE TABLE person_phones (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  phone TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_phones_by_phone ON person_phones (phone, person_id);

CREATE TABLE person_emails (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_emails_by_email ON person_emails (email, person_id);

CREATE TABLE person_handles (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  platform TEXT NOT NULL,
  handle TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_handles_by_handle ON person_handles (platform, handle, person_id);

CREATE TABLE person_addresses (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  line1 TEXT NOT NULL,
  line2 TEXT NOT NULL,
  town TEXT NOT NULL,
  postcode TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_addresses_by_postcode ON person_addresses (postcode, person_id);

CREATE TABLE person_vehicles (
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  registration TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE INDEX person_vehicles_by_registration ON person_vehicles (registration, person_id);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  force TEXT NOT NULL,
  title TEXT NOT NULL,
  owner TEXT NOT NULL,
  supervisor TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('open', 'under_investigation', 'awaiting_review', 'closed')),
  closure_reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Case listing is newest updated first, optionally by force, owner or status.
CREATE INDEX cases_by_updated_at ON cases (updated_at DESC, id DESC);
CREATE INDEX cases_by_force ON cases (force, updated_at DESC, id DESC);
CREATE INDEX cases_by_owner ON cases (owner, updated_at DESC, id DESC);
CREATE INDEX cases_by_status ON cases (status, updated_at DESC, id DESC);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  force TEXT NOT NULL,
  force_reference TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  reporting_officer TEXT NOT NULL,
  narrative TEXT NOT NULL,
  case_id INTEGER REFERENCES cases (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (force, force_reference)
);
-- Report search is newest received first, then id descending.
CREATE INDEX reports_by_received_at ON reports (received_at DESC, id DESC);
CREATE INDEX reports_by_force ON reports (force, received_at DESC, id DESC);
CREATE INDEX reports_by_force_reference ON reports (force_reference);
CREATE INDEX reports_by_case ON reports (case_id, received_at DESC, id DESC);

-- Every classification of a report: the principal one (position 0,
-- is_principal 1) and each included one (positions 1...). received_at is a
-- copy of the report's, so that "reports with classification X, newest
-- first, after this cursor" is one range scan of
-- report_classifications_by_classification.
CREATE TABLE report_classifications (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  classification TEXT NOT NULL,
  is_principal INTEGER NOT NULL CHECK (is_principal IN (0, 1)),
  position INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (report_id, classification)
) WITHOUT ROWID;
CREATE UNIQUE INDEX report_classifications_by_position
  ON report_classifications (report_id, position);
CREATE INDEX report_classifications_by_classification
  ON report_classifications (classification, received_at DESC, report_id DESC);

CREATE TABLE report_persons (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  role TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'witness', 'third_party')),
  PRIMARY KEY (report_id, position),
  UNIQUE (report_id, person_id, role)
) WITHOUT ROWID;
CREATE INDEX report_persons_by_person ON report_persons (person_id, role, report_id);

-- AUTOINCREMENT: an occasion removed by a report update never lends its id
-- to a later occasion.
CREATE TABLE occasions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  occurred_on INTEGER NOT NULL,
  occurred_at_minute INTEGER CHECK (occurred_at_minute BETWEEN 0 AND 1439),
  location_description TEXT NOT NULL,
  location_postcode TEXT NOT NULL,
  channel TEXT NOT NULL,
  summary TEXT NOT NULL,
  UNIQUE (report_id, position)
);

CREATE TABLE occasion_behaviours (
  occasion_id INTEGER NOT NULL REFERENCES occasions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  behaviour TEXT NOT NULL,
  PRIMARY KEY (occasion_id, position)
) WITHOUT ROWID;
CREATE INDEX occasion_behaviours_by_behaviour ON occasion_behaviours (behaviour, occasion_id);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  case_id INTEGER NOT NULL REFERENCES cases (id),
  text TEXT NOT NULL,
  owner_role TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_at INTEGER,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  done_at INTEGER,
  done_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tasks_by_case ON tasks (case_id, due_at, id);
CREATE INDEX tasks_by_owner ON tasks (owner, done, due_at, id);
CREATE INDEX tasks_by_owner_role ON tasks (owner_role, done, due_at, id);

-- Notes are appended, never edited or deleted.
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX notes_by_case ON notes (case_id, created_at, id);

CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN
  SELECT RAISE(ABORT, 'notes are append-only');
END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN
  SELECT RAISE(ABORT, 'notes are append-only');
END;

-- The audit log (Data Protection Act 2018 Part 3 logging): append-only.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  roles TEXT NOT NULL,
  force TEXT NOT NULL,
  agency TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  purpose TEXT NOT NULL,
  outcome TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_events_by_record ON audit_events (record_type, record_id, at DESC, id DESC);
CREATE INDEX audit_events_by_user ON audit_events (user_id, at DESC, id DESC);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
