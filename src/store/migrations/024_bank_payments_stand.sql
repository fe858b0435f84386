-- 024: a payment the bank's result recorded stands. The money left
-- through the bank when the bank said it was transferred; a void at the
-- counter would make the lines owed again (paid a second time, in cash)
-- and leave the bank's money in no report. What must be recovered from
-- such a transfer is listed by the period's report (a decrease list, a
-- person who stopped being payable), never undone here.

CREATE TRIGGER reversals_not_bank_result BEFORE INSERT ON reversals
WHEN EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.payment_id = NEW.payment_id) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment of a bank result');
END;
