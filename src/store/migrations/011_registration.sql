-- What the office registers at the counter: per person (proxy_id NULL) or
-- per proxy/guardian, the payment method wished for, the account, the
-- reason for paying at home, the mobile phone and the ID papers. A new
-- registration is a new row carrying every field (those not changed are
-- copied from the row before), so the newest row of a person or proxy is
-- their registration; older rows are its history. Rows are never changed.
--   approved_by: the supervisor who confirmed an account in another name.
CREATE TABLE registrations (
    id             INTEGER PRIMARY KEY,
    person_id      INTEGER NOT NULL REFERENCES people(id),
    proxy_id       INTEGER REFERENCES proxies(id),
    method         TEXT CHECK (method IS NULL OR method = 'cash' OR method = 'home'
                               OR method = 'bank' OR method = 'wallet'),
    account_no     TEXT,
    account_bank   TEXT,
    account_holder TEXT,
    home_reason    TEXT CHECK (home_reason IS NULL OR home_reason = 'ill' OR home_reason = 'old'
                               OR home_reason = 'no_proxy' OR home_reason = 'no_phone'),
    phone          TEXT CHECK (phone IS NULL OR (length(phone) = 10 AND phone GLOB '0[35789][0-9]*')),
    id_number      TEXT,
    id_kind        TEXT CHECK (id_kind IS NULL OR id_kind = 'cccd' OR id_kind = 'cmnd'),
    id_issued      TEXT,
    id_place       TEXT,
    recorded_by    INTEGER NOT NULL REFERENCES users(id),
    recorded_at    TEXT NOT NULL,
    approved_by    INTEGER REFERENCES users(id),
    mac            TEXT,
    CHECK ((id_number IS NULL) = (id_kind IS NULL)),
    CHECK (method IS NOT 'home' OR home_reason IS NOT NULL),
    CHECK (proxy_id IS NULL OR method IS NULL)
);
CREATE INDEX registrations_by_person ON registrations(person_id, proxy_id, id);

-- Each step of an account the plan helps open: asked, opened, card handed
-- over, shown how to use it safely. Never changed; the newest is where the
-- account stands.
CREATE TABLE account_steps (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    proxy_id    INTEGER REFERENCES proxies(id),
    step        TEXT NOT NULL CHECK (step = 'asked' OR step = 'opened' OR step = 'card' OR step = 'shown'),
    recorded_by INTEGER NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    mac         TEXT
);
CREATE INDEX account_steps_by_person ON account_steps(person_id, proxy_id, id);

CREATE TRIGGER registrations_no_update BEFORE UPDATE ON registrations BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: registrations');
END;
CREATE TRIGGER registrations_no_delete BEFORE DELETE ON registrations BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: registrations');
END;
CREATE TRIGGER account_steps_no_update BEFORE UPDATE ON account_steps BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: account_steps');
END;
CREATE TRIGGER account_steps_no_delete BEFORE DELETE ON account_steps BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: account_steps');
END;
