-- 027: a supervisor who has seen that a person the family reported dead
-- on a home round is alive records it: the report no longer holds the
-- person back from rounds nor warns at the counter. One check per report;
-- the reason (who was seen, where) is required.

CREATE TABLE death_report_checks (
    id          INTEGER PRIMARY KEY,
    outcome_id  INTEGER NOT NULL UNIQUE REFERENCES home_round_outcomes(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    note        TEXT NOT NULL CHECK (length(trim(note)) > 0),
    checked_by  INTEGER NOT NULL REFERENCES users(id),
    checked_at  TEXT NOT NULL,
    mac         TEXT
);

CREATE TRIGGER death_report_checks_no_update BEFORE UPDATE ON death_report_checks BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: death_report_checks');
END;
CREATE TRIGGER death_report_checks_no_delete BEFORE DELETE ON death_report_checks BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: death_report_checks');
END;
