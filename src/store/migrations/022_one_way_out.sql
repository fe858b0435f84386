-- 022: a line leaves the office one way at a time. A line waiting for the
-- bank in a transfer batch (no result yet) and a line on a home round not
-- yet returned (made, or its cash out with the postman) would both pay the
-- same money: the bank's transfer and the postman's cash. So a line is in
-- at most one of them, whichever took it first: a batch leaves out the
-- lines of a round not returned, a round leaves out the lines waiting for
-- the bank, and a round's cash does not go out for a line that went into
-- a batch (a database made before this rule).

CREATE TRIGGER bank_batch_lines_not_on_round BEFORE INSERT ON bank_batch_lines
WHEN EXISTS (
    SELECT 1 FROM home_round_lines hl
    WHERE hl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM home_round_returns x WHERE x.round_id = hl.round_id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is on a home round');
END;

CREATE TRIGGER home_round_lines_not_in_bank_batch BEFORE INSERT ON home_round_lines
WHEN EXISTS (
    SELECT 1 FROM bank_batch_lines bl
    WHERE bl.entitlement_id = NEW.entitlement_id
      AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is in a bank batch');
END;

CREATE TRIGGER home_round_issues_not_in_bank_batch BEFORE INSERT ON home_round_issues
WHEN EXISTS (
    SELECT 1 FROM home_round_lines hl JOIN bank_batch_lines bl ON bl.entitlement_id = hl.entitlement_id
    WHERE hl.round_id = NEW.round_id
      AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: line is in a bank batch');
END;
