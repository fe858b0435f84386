-- 017: the heir (người thừa kế) of a deceased person — the relative who
-- organises the funeral and collects what the payer's list still owes the
-- deceased: the unpaid lines of the months up to and including the month of
-- death, and the funeral allowance (mai táng phí).
--
-- One heir per deceased person at a time: the newest row of a person is
-- their heir; a supervisor replaces it with a new row naming the one it
-- replaces and why. Rows are never changed or deleted.
--   died_on: the date of death, from the death certificate;
--   death_cert_*: the death certificate (trích lục khai tử): number, date,
--     issuer;
--   family_paper_*: the family's paper naming the heir (văn bản thỏa thuận
--     cử người đại diện, giấy ủy quyền của gia đình, …): kind, number, date;
--   approved_by: the supervisor who checked the papers.
CREATE TABLE heirs (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people(id),
    replaces        INTEGER UNIQUE REFERENCES heirs(id),
    reason          TEXT,
    full_name       TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
    id_number       TEXT NOT NULL CHECK (length(id_number) = 12 OR length(id_number) = 9),
    relationship    TEXT NOT NULL CHECK (length(trim(relationship)) > 0),
    address         TEXT NOT NULL CHECK (length(trim(address)) > 0),
    phone           TEXT CHECK (phone IS NULL OR (length(phone) = 10 AND phone GLOB '0[35789][0-9]*')),
    died_on         TEXT NOT NULL CHECK (died_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    death_cert_no   TEXT NOT NULL CHECK (length(trim(death_cert_no)) > 0),
    death_cert_on   TEXT NOT NULL CHECK (death_cert_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    death_cert_by   TEXT NOT NULL CHECK (length(trim(death_cert_by)) > 0),
    family_paper    TEXT NOT NULL CHECK (length(trim(family_paper)) > 0),
    family_paper_no TEXT,
    family_paper_on TEXT NOT NULL CHECK (family_paper_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    recorded_by     INTEGER NOT NULL REFERENCES users(id),
    approved_by     INTEGER NOT NULL REFERENCES users(id),
    recorded_at     TEXT NOT NULL,
    mac             TEXT,
    CHECK (death_cert_on >= died_on),
    CHECK ((replaces IS NULL) = (reason IS NULL))
);
CREATE INDEX heirs_by_person ON heirs(person_id, id);

-- Payments may go to the heir. The two CHECKs of `payments` that name the
-- receivers are widened in place, as SQLite documents for loosening a
-- CHECK (rebuilding `payments` would mean rebuilding every trigger and view
-- over it, and every row's seal is kept as it is). Nothing else in the
-- table's definition changes; the schema is read again at once, and the
-- statements below change the schema version, so every other connection
-- reads it again too.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(replace(sql,
    'CHECK (receiver_kind = ''self'' OR receiver_kind = ''proxy'' OR receiver_kind = ''guardian'')',
    'CHECK (receiver_kind = ''self'' OR receiver_kind = ''proxy'' OR receiver_kind = ''guardian'' OR receiver_kind = ''heir'')'),
    'CHECK ((receiver_kind = ''self'') = (proxy_id IS NULL))',
    'CHECK ((receiver_kind = ''self'' OR receiver_kind = ''heir'') = (proxy_id IS NULL))')
WHERE type = 'table' AND name = 'payments';
PRAGMA writable_schema = RESET;

CREATE TRIGGER heirs_no_update BEFORE UPDATE ON heirs BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: heirs');
END;
CREATE TRIGGER heirs_no_delete BEFORE DELETE ON heirs BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: heirs');
END;
-- Only a deceased person has an heir; a supervisor checked the papers.
CREATE TRIGGER heirs_of_deceased BEFORE INSERT ON heirs
WHEN (SELECT status FROM people WHERE id = NEW.person_id) IS NOT 'deceased' BEGIN
    SELECT RAISE(ABORT, 'chitra: heir of a person not deceased');
END;
CREATE TRIGGER heirs_by_supervisor BEFORE INSERT ON heirs
WHEN (SELECT role FROM users WHERE id = NEW.approved_by) IS NOT 'supervisor' BEGIN
    SELECT RAISE(ABORT, 'chitra: heir needs a supervisor');
END;
-- One heir at a time: a second one replaces the newest, by name.
CREATE TRIGGER heirs_one_at_a_time BEFORE INSERT ON heirs
WHEN NEW.replaces IS NOT (SELECT max(id) FROM heirs WHERE person_id = NEW.person_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: one heir at a time');
END;

-- Only an active person is paid — or, once deceased, their heir.
DROP TRIGGER payments_person_active;
CREATE TRIGGER payments_person_active BEFORE INSERT ON payments
WHEN (SELECT status FROM people WHERE id = NEW.person_id) <> 'active'
 AND NOT (NEW.receiver_kind = 'heir' AND (SELECT status FROM people WHERE id = NEW.person_id) = 'deceased') BEGIN
    SELECT RAISE(ABORT, 'chitra: person is not payable');
END;
-- The heir paid is the heir on file now, by name and ID number.
CREATE TRIGGER payments_heir_on_file BEFORE INSERT ON payments
WHEN NEW.receiver_kind = 'heir' AND NOT EXISTS (
    SELECT 1 FROM heirs h
    WHERE h.id = (SELECT max(id) FROM heirs WHERE person_id = NEW.person_id)
      AND h.id_number = NEW.receiver_id_number AND h.full_name = NEW.receiver_name
) BEGIN
    SELECT RAISE(ABORT, 'chitra: not the heir on file');
END;
-- The heir is paid only what is owed to the deceased: lines of the months
-- up to and including the month of death, and the funeral allowance.
CREATE TRIGGER payment_lines_heir_owed BEFORE INSERT ON payment_lines
WHEN (SELECT receiver_kind FROM payments WHERE id = NEW.payment_id) = 'heir' AND NOT EXISTS (
    SELECT 1 FROM entitlements e JOIN payments p ON p.id = NEW.payment_id
    JOIN heirs h ON h.id = (SELECT max(id) FROM heirs WHERE person_id = p.person_id)
    WHERE e.id = NEW.entitlement_id
      AND (e.kind = 'mai_tang' OR e.period <= substr(h.died_on, 1, 7))
) BEGIN
    SELECT RAISE(ABORT, 'chitra: not owed to the heir');
END;
-- A line of a month from which the person's payment stopped is not paid;
-- the funeral allowance paid to the heir is the one exception (a decrease
-- for a death stops the months after it, not the funeral).
DROP TRIGGER payment_lines_not_stopped;
CREATE TRIGGER payment_lines_not_stopped BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM entitlements e JOIN stops s ON s.person_id = e.person_id
    WHERE e.id = NEW.entitlement_id AND e.period >= s.from_period
      AND NOT (e.kind = 'mai_tang'
               AND (SELECT receiver_kind FROM payments WHERE id = NEW.payment_id) = 'heir')
) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment stopped');
END;
