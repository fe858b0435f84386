-- 012: the end of the month — why each unpaid person was not paid, and a
-- closed period that takes nothing more.
--
-- A reason is never changed in place: a later row for the same period and
-- person replaces the earlier one (the newest `id` counts), so the log
-- keeps every reason given.

CREATE TABLE unpaid_reasons (
    id        INTEGER PRIMARY KEY,
    period    TEXT NOT NULL REFERENCES periods(period),
    person_id INTEGER NOT NULL REFERENCES people(id),
    reason    TEXT NOT NULL
              CHECK (reason = 'did_not_come' OR reason = 'away' OR reason = 'hospital'
                     OR reason = 'deceased' OR reason = 'refused' OR reason = 'other'),
    note      TEXT,
    set_by    INTEGER NOT NULL REFERENCES users(id),
    set_at    TEXT NOT NULL,
    mac       TEXT,
    CHECK (reason <> 'other' OR length(trim(coalesce(note, ''))) > 0)
);
CREATE INDEX unpaid_reasons_by_period ON unpaid_reasons(period, person_id);

CREATE TRIGGER unpaid_reasons_no_update BEFORE UPDATE ON unpaid_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: unpaid_reasons');
END;
CREATE TRIGGER unpaid_reasons_no_delete BEFORE DELETE ON unpaid_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: unpaid_reasons');
END;

-- A closed period takes no more reasons, lists or payments. (Its lines and
-- their payment lines are refused by 010's triggers.)
CREATE TRIGGER unpaid_reasons_open_period BEFORE INSERT ON unpaid_reasons
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;
CREATE TRIGGER import_batches_open_period BEFORE INSERT ON import_batches
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;
