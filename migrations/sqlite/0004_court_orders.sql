-- 0004_court_orders: protective court orders (Stalking Protection Orders,
-- full and interim, and restraining orders) with their history.
--
-- court_orders holds an order's particulars and what its history adds up
-- to (status, dates, whether an appeal is pending), for listing and
-- counting; court_order_events is the history itself, append-only, one row
-- per event numbered 1, 2, ... within the order; court_order_terms holds
-- the prohibitions and requirements an event set (made, varied, made on
-- appeal), append-only too. An order's current terms are those of its
-- latest event that set terms. Dates are INTEGER days since 1970-01-01 and
-- timestamps INTEGER seconds since the Unix epoch (UTC), as in 0001_init.

CREATE TABLE court_orders (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  force TEXT NOT NULL,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  order_type TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('full', 'interim')),
  main_order_id INTEGER REFERENCES court_orders (id),
  respondent_id INTEGER NOT NULL REFERENCES persons (id),
  related_proceedings TEXT NOT NULL,
  other_notification_until INTEGER,
  status TEXT NOT NULL,
  hearing_date INTEGER,
  made_on INTEGER,
  starts_on INTEGER,
  expires_on INTEGER,
  until_further_order INTEGER NOT NULL CHECK (until_further_order IN (0, 1)),
  served_on INTEGER,
  ended_on INTEGER,
  appeal_pending INTEGER NOT NULL CHECK (appeal_pending IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX court_orders_by_case ON court_orders (case_id, id);
CREATE INDEX court_orders_by_respondent ON court_orders (respondent_id, id);
CREATE INDEX court_orders_by_main_order ON court_orders (main_order_id);
CREATE INDEX court_orders_by_force_status ON court_orders (force, status, expires_on);

CREATE TABLE court_order_protected_persons (
  order_id INTEGER NOT NULL REFERENCES court_orders (id),
  position INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons (id),
  PRIMARY KEY (order_id, position)
);
CREATE INDEX court_order_protected_by_person ON court_order_protected_persons (person_id);

CREATE TABLE court_order_events (
  order_id INTEGER NOT NULL REFERENCES court_orders (id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  kind TEXT NOT NULL,
  on_date INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  reasons TEXT NOT NULL,
  applicant TEXT NOT NULL,
  court TEXT NOT NULL,
  hearing_date INTEGER,
  starts_on INTEGER,
  expires_on INTEGER,
  until_further_order INTEGER NOT NULL CHECK (until_further_order IN (0, 1)),
  notification TEXT NOT NULL,
  change_on INTEGER,
  report_id INTEGER REFERENCES reports (id),
  appellant TEXT NOT NULL,
  config_version TEXT NOT NULL,
  PRIMARY KEY (order_id, sequence)
);
-- Counting events by kind and date (order data returns).
CREATE INDEX court_order_events_by_kind ON court_order_events (kind, on_date);
CREATE INDEX court_order_events_by_report ON court_order_events (report_id);

CREATE TABLE court_order_terms (
  order_id INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  position INTEGER NOT NULL,
  term_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  wording TEXT NOT NULL,
  area TEXT NOT NULL,
  distance_metres INTEGER,
  ends_on INTEGER,
  PRIMARY KEY (order_id, sequence, position),
  FOREIGN KEY (order_id, sequence) REFERENCES court_order_events (order_id, sequence)
);

CREATE TRIGGER court_order_events_no_update BEFORE UPDATE ON court_order_events
BEGIN
  SELECT RAISE(ABORT, 'court order events are append-only');
END;
CREATE TRIGGER court_order_events_no_delete BEFORE DELETE ON court_order_events
BEGIN
  SELECT RAISE(ABORT, 'court order events are append-only');
END;
CREATE TRIGGER court_order_terms_no_update BEFORE UPDATE ON court_order_terms
BEGIN
  SELECT RAISE(ABORT, 'court order terms are append-only');
END;
CREATE TRIGGER court_order_terms_no_delete BEFORE DELETE ON court_order_terms
BEGIN
  SELECT RAISE(ABORT, 'court order terms are append-only');
END;
