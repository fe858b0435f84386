-- 002: closing the day — cash drawers (float, issues, returns), blind
-- counts by denomination, and the rules that lock a closed day.

-- Cash handed between a supervisor and a clerk's drawer for a day. Both
-- users are recorded; the clerk confirmed with their PIN.
CREATE TABLE drawer_moves (
    id            INTEGER PRIMARY KEY,
    day           TEXT NOT NULL,
    at            TEXT NOT NULL,
    clerk_id      INTEGER NOT NULL REFERENCES users(id),
    supervisor_id INTEGER NOT NULL REFERENCES users(id),
    kind          TEXT NOT NULL CHECK (kind = 'float' OR kind = 'issue' OR kind = 'return'),
    amount        INTEGER NOT NULL CHECK (amount > 0),
    note          TEXT
);
CREATE INDEX drawer_moves_by_day ON drawer_moves(day, clerk_id);

-- A clerk's count of their drawer at the end of the shift, made before the
-- expected amount is shown. One per clerk and day; it is never changed.
CREATE TABLE drawer_counts (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    at         TEXT NOT NULL,
    clerk_id   INTEGER NOT NULL REFERENCES users(id),
    notes      TEXT NOT NULL,
    counted    INTEGER NOT NULL CHECK (counted >= 0),
    expected   INTEGER NOT NULL,
    difference INTEGER NOT NULL,
    UNIQUE (day, clerk_id),
    CHECK (difference = counted - expected)
);

-- Why a count differs from what was expected, written after the count was
-- seen to differ (the supervisor reads it before closing).
CREATE TABLE drawer_count_reasons (
    count_id INTEGER PRIMARY KEY REFERENCES drawer_counts(id),
    at       TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0)
);

CREATE TRIGGER drawer_moves_no_update BEFORE UPDATE ON drawer_moves BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer movements are never changed');
END;
CREATE TRIGGER drawer_moves_no_delete BEFORE DELETE ON drawer_moves BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer movements are never deleted');
END;
CREATE TRIGGER drawer_counts_no_update BEFORE UPDATE ON drawer_counts BEGIN
    SELECT RAISE(ABORT, 'chitra: a count is never changed');
END;
CREATE TRIGGER drawer_counts_no_delete BEFORE DELETE ON drawer_counts BEGIN
    SELECT RAISE(ABORT, 'chitra: a count is never deleted');
END;
CREATE TRIGGER drawer_count_reasons_no_update BEFORE UPDATE ON drawer_count_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: a count is never changed');
END;
CREATE TRIGGER drawer_count_reasons_no_delete BEFORE DELETE ON drawer_count_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: a count is never deleted');
END;

-- Nothing is recorded on a closed day, and a row's day is its own date.
CREATE TRIGGER drawer_moves_open_day BEFORE INSERT ON drawer_moves
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER drawer_moves_day_is_date BEFORE INSERT ON drawer_moves
WHEN NEW.day <> substr(NEW.at, 1, 10) BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
CREATE TRIGGER drawer_counts_open_day BEFORE INSERT ON drawer_counts
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER drawer_counts_day_is_date BEFORE INSERT ON drawer_counts
WHEN NEW.day <> substr(NEW.at, 1, 10) BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
CREATE TRIGGER drawer_count_reasons_open_day BEFORE INSERT ON drawer_count_reasons
WHEN EXISTS (SELECT 1 FROM closed_days d JOIN drawer_counts c ON c.day = d.day WHERE c.id = NEW.count_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;

-- Once a clerk's drawer is counted, no more cash moves through it that day.
CREATE TRIGGER payments_drawer_counted BEFORE INSERT ON payments
WHEN NEW.method IN ('cash', 'home')
 AND EXISTS (SELECT 1 FROM drawer_counts c WHERE c.day = NEW.day AND c.clerk_id = NEW.clerk_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer already counted');
END;
CREATE TRIGGER drawer_moves_drawer_counted BEFORE INSERT ON drawer_moves
WHEN EXISTS (SELECT 1 FROM drawer_counts c WHERE c.day = NEW.day AND c.clerk_id = NEW.clerk_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer already counted');
END;
CREATE TRIGGER reversals_drawer_counted BEFORE INSERT ON reversals
WHEN (SELECT method FROM payments WHERE id = NEW.payment_id) IN ('cash', 'home')
 AND EXISTS (SELECT 1 FROM drawer_counts c WHERE c.day = NEW.day AND c.clerk_id = NEW.requested_by) BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer already counted');
END;
-- Cash is paid only from a drawer opened for the day.
CREATE TRIGGER payments_drawer_open BEFORE INSERT ON payments
WHEN NEW.method IN ('cash', 'home')
 AND NOT EXISTS (SELECT 1 FROM drawer_moves m WHERE m.day = NEW.day AND m.clerk_id = NEW.clerk_id AND m.kind = 'float') BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer not opened');
END;
-- A reversal needs a supervisor who is not the one asking.
CREATE TRIGGER reversals_two_people BEFORE INSERT ON reversals
WHEN NEW.requested_by = NEW.approved_by
  OR (SELECT role FROM users WHERE id = NEW.approved_by) <> 'supervisor' BEGIN
    SELECT RAISE(ABORT, 'chitra: a reversal needs another supervisor');
END;
