-- 016: the name search answers in Vietnamese name order.
--
-- One row per distinct word of each person's folded name, ordered by the
-- word, then by the name's sort key (text/collate.rs: given name first,
-- then surname and middle names, tones, case, exact text), then by id. The
-- people whose word starts with what was typed are then a few ranges, each
-- already in list order: the first 50 are found by merging their
-- beginnings, whatever the word's length, instead of by collecting every
-- match and sorting. It replaces the full-text index (migration 010),
-- which found matches in id order only.
--
-- The rows are derived: an import adds them for the people it writes, a
-- change of name replaces them (src/store/people.rs), and this migration's
-- caller fills them for the people already on file. They carry no seal:
-- a row that disagrees with its person can only find the wrong person,
-- whose own row is checked before it is shown.
DROP TRIGGER people_names_au;
DROP TABLE people_names;
CREATE TABLE people_name_words (
    word     TEXT NOT NULL,
    name_key BLOB NOT NULL,
    person   INTEGER NOT NULL,
    PRIMARY KEY (word, name_key, person)
) WITHOUT ROWID;
-- How many rows each word has: the typed word with the fewest leads the
-- search. Kept with the rows (src/store/people.rs).
CREATE TABLE people_name_word_counts (
    word   TEXT PRIMARY KEY,
    people INTEGER NOT NULL
) WITHOUT ROWID;
