-- 014: lists that change the month — a decrease stops a person's payment
-- from a month on, at once; a newer line replaces an older unpaid one.
--
-- Rows are never changed or deleted: a stop or a replacement is a fact of
-- the list that brought it, sealed and logged like every other row.

-- A person's payment stops from `from_period` on (the decrease list's row).
CREATE TABLE stops (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
    source_row  INTEGER NOT NULL,
    from_period TEXT NOT NULL CHECK (from_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    reason      TEXT NOT NULL
                CHECK (reason = 'died' OR reason = 'moved' OR reason = 'ended' OR reason = 'other'),
    note        TEXT,
    created_at  TEXT NOT NULL,
    mac         TEXT
);
CREATE INDEX stops_by_person ON stops(person_id, from_period);

-- An unpaid line that is no longer owed because a later list replaced it
-- (a month carried into a new month's list, "kỳ trước chuyển sang").
CREATE TABLE line_replacements (
    entitlement_id INTEGER PRIMARY KEY REFERENCES entitlements(id),
    replaced_by    INTEGER NOT NULL REFERENCES entitlements(id),
    batch_id       INTEGER NOT NULL REFERENCES import_batches(id),
    created_at     TEXT NOT NULL,
    mac            TEXT,
    CHECK (replaced_by <> entitlement_id)
);

CREATE TRIGGER stops_no_update BEFORE UPDATE ON stops BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: stops');
END;
CREATE TRIGGER stops_no_delete BEFORE DELETE ON stops BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: stops');
END;
CREATE TRIGGER line_replacements_no_update BEFORE UPDATE ON line_replacements BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: line_replacements');
END;
CREATE TRIGGER line_replacements_no_delete BEFORE DELETE ON line_replacements BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: line_replacements');
END;

-- A line of a month from which the person's payment stopped is not paid.
CREATE TRIGGER payment_lines_not_stopped BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM entitlements e JOIN stops s ON s.person_id = e.person_id
    WHERE e.id = NEW.entitlement_id AND e.period >= s.from_period
) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment stopped');
END;
-- A replaced line is not paid: the line that replaced it is.
CREATE TRIGGER payment_lines_not_replaced BEFORE INSERT ON payment_lines
WHEN EXISTS (SELECT 1 FROM line_replacements x WHERE x.entitlement_id = NEW.entitlement_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment stopped');
END;
