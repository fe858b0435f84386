-- 018: paying at home in rounds. A round is one hamlet's people paid at
-- home in a period, carried by one postman: its lines (the unpaid
-- entitlement lines of each stop), the cash the supervisor issues into the
-- postman's drawer, what became of each stop (paid, not at home, refused,
-- reported deceased), the cash brought back, and the reconciliation:
-- issued − paid − returned = difference, a difference needing a reason.
-- While a round is out (issued, not yet returned) its lines are paid only
-- by a home payment carrying the stop's own reference, never at the
-- counter. The state of a round is which of its rows exist; every row is
-- append-only and sealed.

CREATE TABLE home_rounds (
    id          INTEGER PRIMARY KEY,
    period      TEXT NOT NULL REFERENCES periods(period),
    hamlet      TEXT NOT NULL CHECK (length(trim(hamlet)) > 0),
    postman_id  INTEGER NOT NULL REFERENCES users(id),
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    mac         TEXT
);

-- One row per entitlement line; the lines of one person share the stop
-- number and the reference ("NH0003-012") their payment carries.
CREATE TABLE home_round_lines (
    id             INTEGER PRIMARY KEY,
    round_id       INTEGER NOT NULL REFERENCES home_rounds(id),
    stop           INTEGER NOT NULL CHECK (stop > 0),
    person_id      INTEGER NOT NULL REFERENCES people(id),
    entitlement_id INTEGER NOT NULL REFERENCES entitlements(id),
    reference      TEXT NOT NULL,
    amount         INTEGER NOT NULL,
    mac            TEXT,
    UNIQUE (round_id, entitlement_id)
);
CREATE INDEX home_round_lines_by_entitlement ON home_round_lines(entitlement_id);
CREATE INDEX home_round_lines_by_round ON home_round_lines(round_id, stop);

-- The cash handed to the postman: the drawer movement that carried it.
CREATE TABLE home_round_issues (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL UNIQUE REFERENCES home_rounds(id),
    move_id     INTEGER NOT NULL REFERENCES drawer_moves(id),
    amount      INTEGER NOT NULL CHECK (amount > 0),
    day         TEXT NOT NULL,
    issued_by   INTEGER NOT NULL REFERENCES users(id),
    issued_at   TEXT NOT NULL,
    mac         TEXT
);

-- What became of one stop, once.
CREATE TABLE home_round_outcomes (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES home_rounds(id),
    person_id    INTEGER NOT NULL REFERENCES people(id),
    result       TEXT NOT NULL CHECK (result = 'paid' OR result = 'not_home'
                                      OR result = 'refused' OR result = 'deceased'),
    note         TEXT,
    payment_id   INTEGER REFERENCES payments(id),
    recorded_by  INTEGER NOT NULL REFERENCES users(id),
    recorded_at  TEXT NOT NULL,
    mac          TEXT,
    UNIQUE (round_id, person_id),
    CHECK ((result = 'paid') = (payment_id IS NOT NULL))
);

-- The cash brought back. `move_id` is the drawer movement that took it
-- back into the office, when it came back on the day it went out.
CREATE TABLE home_round_returns (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL UNIQUE REFERENCES home_rounds(id),
    move_id      INTEGER REFERENCES drawer_moves(id),
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    day          TEXT NOT NULL,
    returned_by  INTEGER NOT NULL REFERENCES users(id),
    returned_at  TEXT NOT NULL,
    mac          TEXT
);

-- The round reconciled, like a counted drawer.
CREATE TABLE home_round_closes (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL UNIQUE REFERENCES home_rounds(id),
    issued      INTEGER NOT NULL,
    paid        INTEGER NOT NULL,
    returned    INTEGER NOT NULL,
    difference  INTEGER NOT NULL,
    reason      TEXT,
    closed_by   INTEGER NOT NULL REFERENCES users(id),
    closed_at   TEXT NOT NULL,
    mac         TEXT,
    CHECK (difference = issued - paid - returned),
    CHECK (difference = 0 OR length(trim(coalesce(reason, ''))) > 0)
);

CREATE TRIGGER home_rounds_no_update BEFORE UPDATE ON home_rounds BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_rounds');
END;
CREATE TRIGGER home_rounds_no_delete BEFORE DELETE ON home_rounds BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_rounds');
END;
CREATE TRIGGER home_round_lines_no_update BEFORE UPDATE ON home_round_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_lines');
END;
CREATE TRIGGER home_round_lines_no_delete BEFORE DELETE ON home_round_lines BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_lines');
END;
CREATE TRIGGER home_round_issues_no_update BEFORE UPDATE ON home_round_issues BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_issues');
END;
CREATE TRIGGER home_round_issues_no_delete BEFORE DELETE ON home_round_issues BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_issues');
END;
CREATE TRIGGER home_round_outcomes_no_update BEFORE UPDATE ON home_round_outcomes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_outcomes');
END;
CREATE TRIGGER home_round_outcomes_no_delete BEFORE DELETE ON home_round_outcomes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_outcomes');
END;
CREATE TRIGGER home_round_returns_no_update BEFORE UPDATE ON home_round_returns BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_returns');
END;
CREATE TRIGGER home_round_returns_no_delete BEFORE DELETE ON home_round_returns BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_returns');
END;
CREATE TRIGGER home_round_closes_no_update BEFORE UPDATE ON home_round_closes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_closes');
END;
CREATE TRIGGER home_round_closes_no_delete BEFORE DELETE ON home_round_closes BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: home_round_closes');
END;

CREATE TRIGGER home_rounds_open_period BEFORE INSERT ON home_rounds
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed' BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;

-- A line joins a round only before the round goes out, only unpaid, and
-- only when no other round still holds it.
CREATE TRIGGER home_round_lines_before_issue BEFORE INSERT ON home_round_lines
WHEN EXISTS (SELECT 1 FROM home_round_issues i WHERE i.round_id = NEW.round_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: home round state');
END;
CREATE TRIGGER home_round_lines_unpaid BEFORE INSERT ON home_round_lines
WHEN EXISTS (
    SELECT 1 FROM payment_lines pl
    WHERE pl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pl.payment_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: entitlement already paid');
END;
CREATE TRIGGER home_round_lines_once BEFORE INSERT ON home_round_lines
WHEN EXISTS (
    SELECT 1 FROM home_round_lines hl
    WHERE hl.entitlement_id = NEW.entitlement_id AND hl.round_id <> NEW.round_id
      AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = hl.round_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is out on a home round');
END;

-- Cash is issued once, outcomes are recorded while the round is out, the
-- cash comes back after it went out, and the round is reconciled after
-- the cash came back.
CREATE TRIGGER home_round_outcomes_while_out BEFORE INSERT ON home_round_outcomes
WHEN NOT EXISTS (SELECT 1 FROM home_round_issues i WHERE i.round_id = NEW.round_id)
  OR EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = NEW.round_id)
  OR NOT EXISTS (SELECT 1 FROM home_round_lines hl
                 WHERE hl.round_id = NEW.round_id AND hl.person_id = NEW.person_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: home round state');
END;
CREATE TRIGGER home_round_returns_after_issue BEFORE INSERT ON home_round_returns
WHEN NOT EXISTS (SELECT 1 FROM home_round_issues i WHERE i.round_id = NEW.round_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: home round state');
END;
CREATE TRIGGER home_round_closes_after_return BEFORE INSERT ON home_round_closes
WHEN NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = NEW.round_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: home round state');
END;

-- The lock: a line of a round that is out is paid only by the home
-- payment carrying its stop's reference, never in cash at the counter.
CREATE TRIGGER payment_lines_not_in_home_round BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM home_round_lines hl
    WHERE hl.entitlement_id = NEW.entitlement_id
      AND EXISTS (SELECT 1 FROM home_round_issues i WHERE i.round_id = hl.round_id)
      AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = hl.round_id)
      AND hl.reference IS NOT (SELECT p.reference FROM payments p WHERE p.id = NEW.payment_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is out on a home round');
END;
