-- 015: paying into accounts in batches. A batch is the file sent to the
-- bank: one line per unpaid entitlement line of a person registered for a
-- bank or digital account. A line in a batch is locked until the bank's
-- result for it comes back: done (a bank payment with the line's reference
-- settles it) or failed (payable again at the counter, with the bank's
-- reason). Every row is append-only and sealed.

CREATE TABLE bank_batches (
    id          INTEGER PRIMARY KEY,
    period      TEXT NOT NULL REFERENCES periods(period),
    line_count  INTEGER NOT NULL CHECK (line_count > 0),
    total       INTEGER NOT NULL CHECK (total > 0),
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    mac         TEXT
);

CREATE TABLE bank_batch_lines (
    id             INTEGER PRIMARY KEY,
    batch_id       INTEGER NOT NULL REFERENCES bank_batches(id),
    entitlement_id INTEGER NOT NULL REFERENCES entitlements(id),
    person_id      INTEGER NOT NULL REFERENCES people(id),
    reference      TEXT NOT NULL UNIQUE,
    account_no     TEXT NOT NULL,
    account_bank   TEXT,
    amount         INTEGER NOT NULL CHECK (amount > 0),
    mac            TEXT
);
CREATE INDEX bank_batch_lines_by_entitlement ON bank_batch_lines(entitlement_id);
CREATE INDEX bank_batch_lines_by_batch ON bank_batch_lines(batch_id);

-- A result file of the bank, known by its sha256 so it is read once.
CREATE TABLE bank_results (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES bank_batches(id),
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    done_count  INTEGER NOT NULL,
    failed_count INTEGER NOT NULL,
    done_total  INTEGER NOT NULL,
    imported_by INTEGER NOT NULL REFERENCES users(id),
    imported_at TEXT NOT NULL,
    mac         TEXT
);

-- What the bank said of one line: at most once.
CREATE TABLE bank_outcomes (
    id          INTEGER PRIMARY KEY,
    line_id     INTEGER NOT NULL UNIQUE REFERENCES bank_batch_lines(id),
    result_id   INTEGER NOT NULL REFERENCES bank_results(id),
    outcome     TEXT NOT NULL CHECK (outcome = 'done' OR outcome = 'failed'),
    reason      TEXT,
    payment_id  INTEGER REFERENCES payments(id),
    mac         TEXT,
    CHECK ((outcome = 'done') = (payment_id IS NOT NULL)),
    CHECK (outcome = 'done' OR length(trim(coalesce(reason, ''))) > 0)
);

CREATE TRIGGER bank_batches_no_update BEFORE UPDATE ON bank_batches BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_batches');
END;
CREATE TRIGGER bank_batches_no_delete BEFORE DELETE ON bank_batches BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_batches');
END;
CREATE TRIGGER bank_batch_lines_no_update BEFORE UPDATE ON bank_batch_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_batch_lines');
END;
CREATE TRIGGER bank_batch_lines_no_delete BEFORE DELETE ON bank_batch_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_batch_lines');
END;
CREATE TRIGGER bank_results_no_update BEFORE UPDATE ON bank_results BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_results');
END;
CREATE TRIGGER bank_results_no_delete BEFORE DELETE ON bank_results BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_results');
END;
CREATE TRIGGER bank_outcomes_no_update BEFORE UPDATE ON bank_outcomes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_outcomes');
END;
CREATE TRIGGER bank_outcomes_no_delete BEFORE DELETE ON bank_outcomes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: bank_outcomes');
END;

-- A line goes into a batch only when it is unpaid and in no batch still
-- waiting for the bank, and only in an open period.
CREATE TRIGGER bank_batch_lines_unpaid BEFORE INSERT ON bank_batch_lines
WHEN EXISTS (
    SELECT 1 FROM payment_lines pl
    WHERE pl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: entitlement already paid');
END;
CREATE TRIGGER bank_batch_lines_once BEFORE INSERT ON bank_batch_lines
WHEN EXISTS (
    SELECT 1 FROM bank_batch_lines bl
    WHERE bl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id AND o.outcome = 'failed')
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is in a bank batch');
END;
CREATE TRIGGER bank_batches_open_period BEFORE INSERT ON bank_batches
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;

-- The lock: a line waiting for the bank is paid only by a bank payment
-- carrying that line's own reference, never in cash at the counter.
CREATE TRIGGER payment_lines_not_in_bank_batch BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM bank_batch_lines bl
    WHERE bl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)
      AND bl.reference IS NOT (SELECT p.reference FROM payments p WHERE p.id = NEW.payment_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is in a bank batch');
END;
