-- 025: a person is found at the counter by the ID number the office
-- registered for them (a new CCCD in place of the list's number), as by the
-- list's own: the counter checks the receiver's card against it.

CREATE INDEX registrations_by_id_number ON registrations(id_number)
    WHERE id_number IS NOT NULL AND proxy_id IS NULL;
