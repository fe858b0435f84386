-- 019: the month an increase list's person is paid from. The list names
-- it per row ("Hưởng từ tháng"); it is kept with the list that brought
-- the person, sealed and logged, never changed or deleted.

CREATE TABLE increase_starts (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id),
    source_row  INTEGER NOT NULL,
    from_period TEXT NOT NULL CHECK (from_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    created_at  TEXT NOT NULL,
    mac         TEXT
);
CREATE INDEX increase_starts_by_person ON increase_starts(person_id);

CREATE TRIGGER increase_starts_no_update BEFORE UPDATE ON increase_starts BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: increase_starts');
END;
CREATE TRIGGER increase_starts_no_delete BEFORE DELETE ON increase_starts BEGIN
    SELECT RAISE(ABORT, 'chitra: append-only: increase_starts');
END;
