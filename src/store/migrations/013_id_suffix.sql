-- 013: finding a person by the last digits of their ID number, as a clerk
-- reads them off a card held at an angle or a list that masks the front.
--
-- The index holds the last six digits of each number; a longer ending is
-- checked on the rows it finds. An expression over the existing column
-- needs no new column, so the rows and their seals are unchanged. A large
-- import drops it and builds it again at the end, with the ID-number index
-- (src/store/people.rs).
CREATE INDEX people_by_id_suffix ON people(substr(id_number, -6)) WHERE id_number IS NOT NULL;
