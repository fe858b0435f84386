-- 023: the references chitra makes are carried only by the payments they
-- were made for. A transfer batch line's "CK0001-0001" is carried by the
-- bank payment its result records (bank or wallet, the line's own person,
-- the line still waiting for the bank); a home round stop's "NH0001-001"
-- by the postman's home payment of that stop's person. A transfer typed at
-- the counter with such a code would stand in for the bank's result (the
-- result file then refused) or for the postman's payment (the line paid
-- twice): refused, whatever the case of its letters.

CREATE TRIGGER payments_own_reference BEFORE INSERT ON payments
WHEN NEW.reference IS NOT NULL AND ((
    upper(NEW.reference) GLOB 'CK[0-9][0-9][0-9][0-9]*-[0-9][0-9][0-9][0-9]*'
    AND substr(upper(NEW.reference), 3) NOT GLOB '*[^0-9-]*'
    AND NOT ((NEW.method = 'bank' OR NEW.method = 'wallet') AND EXISTS (
        SELECT 1 FROM bank_batch_lines bl
        WHERE bl.reference = NEW.reference AND bl.person_id = NEW.person_id
          AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)))
) OR (
    upper(NEW.reference) GLOB 'NH[0-9][0-9][0-9][0-9]*-[0-9][0-9][0-9]*'
    AND substr(upper(NEW.reference), 3) NOT GLOB '*[^0-9-]*'
    AND NOT (NEW.method = 'home' AND EXISTS (
        SELECT 1 FROM home_round_lines hl
        WHERE hl.reference = NEW.reference AND hl.person_id = NEW.person_id))
)) BEGIN
    SELECT RAISE(ABORT, 'chitra: reference made by chitra');
END;
