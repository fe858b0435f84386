-- 010: the foundation — users, periods, people, import batches, entitlement
-- lines, proxies, payments, cash drawers, closed days and the keyed,
-- append-only audit log. (Versions before 10 were test versions whose log
-- was not keyed; they are not carried forward.)
--
-- Money is INTEGER đồng. Money rows and audit rows are never updated or
-- deleted: the triggers refuse it, whoever asks.
--
-- Every row of a state table carries `mac`: a keyed seal over the row (see
-- src/store/rows.rs), made with a key kept outside this file. A row changed
-- with another tool no longer matches it.
--
-- A CHECK names the values a column may hold as `x = 'a' OR x = 'b'`, not
-- `x IN ('a', 'b')`: SQLite builds a small table for an IN list at every
-- row it checks, which made importing a list a third slower.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role = 'clerk' OR role = 'supervisor'),
    pin_hash        TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked = 0 OR locked = 1),
    created_at      TEXT NOT NULL,
    mac             TEXT
);

CREATE TABLE periods (
    period    TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    status    TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'closed'),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by INTEGER REFERENCES users(id),
    mac       TEXT
);

CREATE TABLE import_batches (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL
                 CHECK (kind = 'monthly' OR kind = 'increase' OR kind = 'decrease' OR kind = 'adjustment'),
    period       TEXT NOT NULL REFERENCES periods(period),
    imported_by  INTEGER NOT NULL REFERENCES users(id),
    imported_at  TEXT NOT NULL,
    mac          TEXT
);

-- A batch's counts, written in the same transaction once its lines are in
-- (the batch itself is written first, so every line and person can name it
-- as they are written).
CREATE TABLE import_totals (
    batch_id     INTEGER PRIMARY KEY REFERENCES import_batches(id),
    rows         INTEGER NOT NULL,
    people       INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    -- sha256 over the batch's entitlement lines in canonical form, so that
    -- `verify` can tell whether a line was changed after the import.
    lines_digest TEXT NOT NULL,
    mac          TEXT
);

CREATE TABLE people (
    id           INTEGER PRIMARY KEY,
    record_code  TEXT NOT NULL UNIQUE,
    full_name    TEXT NOT NULL,
    search_key   TEXT NOT NULL,
    birth_year   INTEGER,
    gender       TEXT CHECK (gender = 'nam' OR gender = 'nu'),
    id_number    TEXT,
    id_kind      TEXT CHECK (id_kind = 'cccd' OR id_kind = 'cmnd'),
    phone        TEXT,
    hamlet       TEXT,
    address      TEXT,
    category     TEXT,
    pay_method   TEXT NOT NULL DEFAULT 'cash'
                 CHECK (pay_method = 'cash' OR pay_method = 'home' OR pay_method = 'bank' OR pay_method = 'wallet'),
    account_no   TEXT,
    account_bank TEXT,
    status       TEXT NOT NULL DEFAULT 'active'
                 CHECK (status = 'active' OR status = 'suspended' OR status = 'deceased' OR status = 'moved'),
    status_note  TEXT,
    status_since TEXT,
    first_batch  INTEGER NOT NULL REFERENCES import_batches(id),
    updated_at   TEXT NOT NULL,
    mac          TEXT,
    CHECK ((id_number IS NULL) = (id_kind IS NULL))
);
CREATE INDEX people_by_id_number ON people(id_number) WHERE id_number IS NOT NULL;

-- Name search: word-prefix matching on the folded name, in any word order.
-- Results are not ranked, so it keeps no name sizes (columnsize = 0: the
-- index builds in half the time). Word positions stay: without them a
-- search for several words is several times slower. New people are added
-- to it by their import in one statement at the end (row by row would
-- flush the index at every insert); a changed name is re-indexed by the
-- trigger.
CREATE VIRTUAL TABLE people_names USING fts5(
    search_key, content = 'people', content_rowid = 'id',
    tokenize = 'unicode61', prefix = '1 2 3', columnsize = 0
);
CREATE TRIGGER people_names_au AFTER UPDATE OF search_key ON people BEGIN
    INSERT INTO people_names(people_names, rowid, search_key) VALUES ('delete', OLD.id, OLD.search_key);
    INSERT INTO people_names(rowid, search_key) VALUES (NEW.id, NEW.search_key);
END;
CREATE TRIGGER people_no_delete BEFORE DELETE ON people BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: people');
END;

CREATE TABLE entitlements (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    period     TEXT NOT NULL REFERENCES periods(period),
    kind       TEXT NOT NULL CHECK (kind = 'tro_cap' OR kind = 'phu_cap' OR kind = 'truy_linh'
               OR kind = 'mai_tang' OR kind = 'mot_lan' OR kind = 'truy_thu' OR kind = 'chuyen_ky'),
    amount     INTEGER NOT NULL,
    batch_id   INTEGER NOT NULL REFERENCES import_batches(id),
    source_row INTEGER NOT NULL,
    CHECK ((kind = 'truy_thu' AND amount <= 0) OR (kind <> 'truy_thu' AND amount >= 0))
);
CREATE INDEX entitlements_by_person ON entitlements(person_id, period);

CREATE TABLE proxies (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people(id),
    kind         TEXT NOT NULL CHECK (kind = 'proxy' OR kind = 'guardian'),
    full_name    TEXT NOT NULL,
    id_number    TEXT NOT NULL,
    relationship TEXT NOT NULL,
    document_no  TEXT NOT NULL,
    certified_by TEXT NOT NULL,
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,
    created_by   INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    mac          TEXT,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX proxies_by_person ON proxies(person_id);

-- Business days that have been closed. A row here locks the day.
--   audit_seq/audit_hash: the last audit row of the day itself (later
--     rows belong to later days' seals);
--   report: the day report as it was sealed (JSON), reproduced as it is
--     whenever the day is printed again;
--   seal: the short code printed for the supervisor to sign, over the
--     previous closed day's seal, the day, the audit row and the report;
--   backup: the file name of the day's backup, made before this row was
--     committed.
CREATE TABLE closed_days (
    day        TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    closed_at  TEXT NOT NULL,
    closed_by  INTEGER NOT NULL REFERENCES users(id),
    totals     TEXT NOT NULL,
    audit_seq  INTEGER NOT NULL,
    audit_hash TEXT NOT NULL,
    report     TEXT NOT NULL,
    prev_seal  TEXT,
    seal       TEXT NOT NULL,
    backup     TEXT NOT NULL,
    mac        TEXT
);

CREATE TABLE payments (
    id                 INTEGER PRIMARY KEY,
    idem_key           TEXT NOT NULL UNIQUE,
    office_code        TEXT NOT NULL,
    receipt_year       INTEGER NOT NULL,
    receipt_seq        INTEGER NOT NULL CHECK (receipt_seq > 0),
    receipt_no         TEXT NOT NULL UNIQUE,
    person_id          INTEGER NOT NULL REFERENCES people(id),
    day                TEXT NOT NULL,
    paid_at            TEXT NOT NULL,
    clerk_id           INTEGER NOT NULL REFERENCES users(id),
    approved_by        INTEGER REFERENCES users(id),
    receiver_kind      TEXT NOT NULL
                       CHECK (receiver_kind = 'self' OR receiver_kind = 'proxy' OR receiver_kind = 'guardian'),
    proxy_id           INTEGER REFERENCES proxies(id),
    receiver_name      TEXT NOT NULL,
    receiver_id_number TEXT NOT NULL,
    method             TEXT NOT NULL
                       CHECK (method = 'cash' OR method = 'home' OR method = 'bank' OR method = 'wallet'),
    account            TEXT,
    reference          TEXT,
    total              INTEGER NOT NULL CHECK (total > 0),
    mac                TEXT,
    UNIQUE (office_code, receipt_year, receipt_seq),
    CHECK ((receiver_kind = 'self') = (proxy_id IS NULL)),
    CHECK (method = 'cash' OR method = 'home' OR (account IS NOT NULL AND reference IS NOT NULL))
);
CREATE INDEX payments_by_person ON payments(person_id);
CREATE INDEX payments_by_day ON payments(day, clerk_id);

-- One row per entitlement line a payment settles. `attempt` counts the
-- earlier reversed payments of the same line, so (entitlement, attempt) is
-- unique: a line can be paid once, and once more only after a reversal.
CREATE TABLE payment_lines (
    payment_id     INTEGER NOT NULL REFERENCES payments(id),
    entitlement_id INTEGER NOT NULL REFERENCES entitlements(id),
    amount         INTEGER NOT NULL,
    attempt        INTEGER NOT NULL CHECK (attempt >= 0),
    mac            TEXT,
    PRIMARY KEY (payment_id, entitlement_id),
    UNIQUE (entitlement_id, attempt)
) WITHOUT ROWID;

CREATE TABLE reversals (
    id           INTEGER PRIMARY KEY,
    payment_id   INTEGER NOT NULL UNIQUE REFERENCES payments(id),
    day          TEXT NOT NULL,
    reversed_at  TEXT NOT NULL,
    requested_by INTEGER NOT NULL REFERENCES users(id),
    approved_by  INTEGER NOT NULL REFERENCES users(id),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    mac          TEXT
);
CREATE INDEX reversals_by_day ON reversals(day, requested_by);

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
    note          TEXT,
    mac           TEXT
);
CREATE INDEX drawer_moves_by_day ON drawer_moves(day, clerk_id);

-- A count of a clerk's drawer at the end of the shift, made before the
-- expected amount is shown: by the clerk, or for an earlier day left
-- uncounted by a supervisor (`counted_by`), who may instead record that no
-- count could be made (`notes` = '{}', `not_counted` = the reason). One per
-- clerk and day; it is never changed.
CREATE TABLE drawer_counts (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    at          TEXT NOT NULL,
    clerk_id    INTEGER NOT NULL REFERENCES users(id),
    counted_by  INTEGER NOT NULL REFERENCES users(id),
    notes       TEXT NOT NULL,
    counted     INTEGER NOT NULL CHECK (counted >= 0),
    expected    INTEGER NOT NULL,
    difference  INTEGER NOT NULL,
    not_counted TEXT,
    mac         TEXT,
    UNIQUE (day, clerk_id),
    CHECK (difference = counted - expected)
);

-- Why a count differs from what was expected, written after the count was
-- seen to differ (the supervisor reads it before closing).
CREATE TABLE drawer_count_reasons (
    count_id INTEGER PRIMARY KEY REFERENCES drawer_counts(id),
    at       TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    mac      TEXT
);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id),
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE,
    key_id    TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_by_at ON audit_log(at);

-- Append-only: money rows, their sources, the drawers, closed days and the
-- audit log.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: audit_log');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: audit_log');
END;
CREATE TRIGGER entitlements_no_update BEFORE UPDATE ON entitlements BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: entitlements');
END;
CREATE TRIGGER entitlements_no_delete BEFORE DELETE ON entitlements BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: entitlements');
END;
CREATE TRIGGER batches_no_update BEFORE UPDATE ON import_batches BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: import_batches');
END;
CREATE TRIGGER batches_no_delete BEFORE DELETE ON import_batches BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: import_batches');
END;
CREATE TRIGGER totals_no_update BEFORE UPDATE ON import_totals BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: import_totals');
END;
CREATE TRIGGER totals_no_delete BEFORE DELETE ON import_totals BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: import_totals');
END;
CREATE TRIGGER proxies_no_update BEFORE UPDATE ON proxies BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: proxies');
END;
CREATE TRIGGER proxies_no_delete BEFORE DELETE ON proxies BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: proxies');
END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: payments');
END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: payments');
END;
CREATE TRIGGER payment_lines_no_update BEFORE UPDATE ON payment_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: payment_lines');
END;
CREATE TRIGGER payment_lines_no_delete BEFORE DELETE ON payment_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: payment_lines');
END;
CREATE TRIGGER reversals_no_update BEFORE UPDATE ON reversals BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: reversals');
END;
CREATE TRIGGER reversals_no_delete BEFORE DELETE ON reversals BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: reversals');
END;
CREATE TRIGGER closed_days_no_update BEFORE UPDATE ON closed_days BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: closed_days');
END;
CREATE TRIGGER closed_days_no_delete BEFORE DELETE ON closed_days BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: closed_days');
END;
CREATE TRIGGER periods_stay_closed BEFORE UPDATE ON periods
WHEN OLD.status = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;
CREATE TRIGGER periods_no_delete BEFORE DELETE ON periods BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: periods');
END;
CREATE TRIGGER drawer_moves_no_update BEFORE UPDATE ON drawer_moves BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_moves');
END;
CREATE TRIGGER drawer_moves_no_delete BEFORE DELETE ON drawer_moves BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_moves');
END;
CREATE TRIGGER drawer_counts_no_update BEFORE UPDATE ON drawer_counts BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_counts');
END;
CREATE TRIGGER drawer_counts_no_delete BEFORE DELETE ON drawer_counts BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_counts');
END;
CREATE TRIGGER drawer_count_reasons_no_update BEFORE UPDATE ON drawer_count_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_count_reasons');
END;
CREATE TRIGGER drawer_count_reasons_no_delete BEFORE DELETE ON drawer_count_reasons BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: drawer_count_reasons');
END;

-- A line is paid at most once at a time: a new payment line is refused while
-- an earlier payment of the same line stands unreversed.
CREATE TRIGGER payment_lines_once BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM payment_lines pl
    WHERE pl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: entitlement already paid');
END;

-- Nothing is recorded on a closed day, and a row's day is its own date.
CREATE TRIGGER payments_open_day BEFORE INSERT ON payments
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER payments_day_is_date BEFORE INSERT ON payments
WHEN NEW.day <> substr(NEW.paid_at, 1, 10) BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
CREATE TRIGGER reversals_open_day BEFORE INSERT ON reversals
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER reversals_day_is_date BEFORE INSERT ON reversals
WHEN NEW.day <> substr(NEW.reversed_at, 1, 10) BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
CREATE TRIGGER drawer_moves_open_day BEFORE INSERT ON drawer_moves
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER drawer_moves_day_is_date BEFORE INSERT ON drawer_moves
WHEN NEW.day <> substr(NEW.at, 1, 10) BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
-- A count may be made later than its day (a supervisor finishing a day a
-- clerk left uncounted), never before it, and never on a closed day.
CREATE TRIGGER drawer_counts_open_day BEFORE INSERT ON drawer_counts
WHEN EXISTS (SELECT 1 FROM closed_days d WHERE d.day = NEW.day) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;
CREATE TRIGGER drawer_counts_day_is_date BEFORE INSERT ON drawer_counts
WHEN substr(NEW.at, 1, 10) < NEW.day BEGIN
    SELECT RAISE(ABORT, 'chitra: day does not match time');
END;
CREATE TRIGGER drawer_count_reasons_open_day BEFORE INSERT ON drawer_count_reasons
WHEN EXISTS (SELECT 1 FROM closed_days d JOIN drawer_counts c ON c.day = d.day WHERE c.id = NEW.count_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: day is closed');
END;

-- Only a person who is active can be paid (never after death or a decrease).
CREATE TRIGGER payments_person_active BEFORE INSERT ON payments
WHEN (SELECT status FROM people WHERE id = NEW.person_id) <> 'active' BEGIN
    SELECT RAISE(ABORT, 'chitra: person is not payable');
END;
-- A payment line settles a line of the payment's own person, in full.
CREATE TRIGGER payment_lines_match BEFORE INSERT ON payment_lines
WHEN NOT EXISTS (
    SELECT 1 FROM entitlements e JOIN payments p ON p.id = NEW.payment_id
    WHERE e.id = NEW.entitlement_id AND e.person_id = p.person_id AND e.amount = NEW.amount
) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment line does not match its entitlement');
END;
-- Nothing is imported into, or paid from, a closed period.
CREATE TRIGGER entitlements_open_period BEFORE INSERT ON entitlements
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;
CREATE TRIGGER payment_lines_open_period BEFORE INSERT ON payment_lines
WHEN (SELECT p.status FROM periods p JOIN entitlements e ON e.period = p.period
      WHERE e.id = NEW.entitlement_id) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;

-- Once a clerk's drawer is counted, no more cash moves through it that day.
CREATE TRIGGER payments_drawer_counted BEFORE INSERT ON payments
WHEN (NEW.method = 'cash' OR NEW.method = 'home')
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
WHEN (NEW.method = 'cash' OR NEW.method = 'home')
 AND NOT EXISTS (SELECT 1 FROM drawer_moves m WHERE m.day = NEW.day AND m.clerk_id = NEW.clerk_id AND m.kind = 'float') BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer not opened');
END;

-- A drawer never pays out cash it does not hold. Its balance on a day:
-- cash handed in (float, issues) − cash taken back − cash paid (counter and
-- home) + cash of voided payments put back into it.
CREATE VIEW drawer_balance AS
SELECT d.day AS day, d.clerk_id AS clerk_id,
       (SELECT coalesce(sum(CASE WHEN m.kind = 'return' THEN -m.amount ELSE m.amount END), 0)
          FROM drawer_moves m WHERE m.day = d.day AND m.clerk_id = d.clerk_id)
     - (SELECT coalesce(sum(p.total), 0) FROM payments p
          WHERE p.day = d.day AND p.clerk_id = d.clerk_id AND (p.method = 'cash' OR p.method = 'home'))
     + (SELECT coalesce(sum(p.total), 0) FROM reversals r JOIN payments p ON p.id = r.payment_id
          WHERE r.day = d.day AND r.requested_by = d.clerk_id AND (p.method = 'cash' OR p.method = 'home'))
       AS balance
FROM (SELECT DISTINCT day, clerk_id FROM drawer_moves) d;

CREATE TRIGGER payments_drawer_holds BEFORE INSERT ON payments
WHEN (NEW.method = 'cash' OR NEW.method = 'home')
 AND coalesce((SELECT balance FROM drawer_balance b WHERE b.day = NEW.day AND b.clerk_id = NEW.clerk_id), 0) < NEW.total BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer does not hold the cash');
END;
CREATE TRIGGER drawer_moves_drawer_holds BEFORE INSERT ON drawer_moves
WHEN NEW.kind = 'return'
 AND coalesce((SELECT balance FROM drawer_balance b WHERE b.day = NEW.day AND b.clerk_id = NEW.clerk_id), 0) < NEW.amount BEGIN
    SELECT RAISE(ABORT, 'chitra: drawer does not hold the cash');
END;

-- A reversal needs a supervisor who is not the one asking.
CREATE TRIGGER reversals_two_people BEFORE INSERT ON reversals
WHEN NEW.requested_by = NEW.approved_by
  OR (SELECT role FROM users WHERE id = NEW.approved_by) <> 'supervisor' BEGIN
    SELECT RAISE(ABORT, 'chitra: a reversal needs another supervisor');
END;
