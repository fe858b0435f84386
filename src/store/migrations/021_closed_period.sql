-- 021: what a period and a bank batch owe once they have left the office.
--
-- A closed period's results have gone back to the social-affairs
-- office; no payment of it is voided afterwards (its lines would be owed
-- again in a period that can pay nothing, and the results sent would no
-- longer be the office's).

CREATE TRIGGER reversals_open_period BEFORE INSERT ON reversals
WHEN EXISTS (
    SELECT 1 FROM payment_lines l
    JOIN entitlements e ON e.id = l.entitlement_id
    JOIN periods p ON p.period = e.period
    WHERE l.payment_id = NEW.payment_id AND p.status = 'closed'
) BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;

-- A transfer the bank reports done has left the bank: it is recorded even
-- if the person died, was suspended or stopped after the batch was sent
-- (the money is then recovered, and the period's results say so). Only a
-- transfer (bank or wallet) carrying a waiting line's own reference passes.
DROP TRIGGER payments_person_active;
CREATE TRIGGER payments_person_active BEFORE INSERT ON payments
WHEN (SELECT status FROM people WHERE id = NEW.person_id) <> 'active'
 AND NOT (NEW.receiver_kind = 'heir' AND (SELECT status FROM people WHERE id = NEW.person_id) = 'deceased')
 AND NOT ((NEW.method = 'bank' OR NEW.method = 'wallet') AND EXISTS (
     SELECT 1 FROM bank_batch_lines bl
     WHERE bl.reference = NEW.reference AND bl.person_id = NEW.person_id
       AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id))) BEGIN
    SELECT RAISE(ABORT, 'chitra: person is not payable');
END;
DROP TRIGGER payment_lines_not_stopped;
CREATE TRIGGER payment_lines_not_stopped BEFORE INSERT ON payment_lines
WHEN EXISTS (
    SELECT 1 FROM entitlements e JOIN stops s ON s.person_id = e.person_id
    WHERE e.id = NEW.entitlement_id AND e.period >= s.from_period
      AND NOT (e.kind = 'mai_tang'
               AND (SELECT receiver_kind FROM payments WHERE id = NEW.payment_id) = 'heir')
) AND NOT EXISTS (
    SELECT 1 FROM bank_batch_lines bl JOIN payments p ON p.id = NEW.payment_id
    WHERE bl.entitlement_id = NEW.entitlement_id AND (p.method = 'bank' OR p.method = 'wallet')
      AND bl.reference = p.reference
      AND NOT EXISTS (SELECT 1 FROM bank_outcomes o WHERE o.line_id = bl.id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: payment stopped');
END;

-- A transfer's reference (the bank's or wallet's transaction code) proves
-- one transfer: it settles one standing payment, never two.
CREATE INDEX payments_by_reference ON payments(reference) WHERE reference IS NOT NULL;
CREATE TRIGGER payments_reference_once BEFORE INSERT ON payments
WHEN NEW.reference IS NOT NULL AND (NEW.method = 'bank' OR NEW.method = 'wallet') AND EXISTS (
    SELECT 1 FROM payments p
    WHERE p.reference = NEW.reference AND p.method = NEW.method
      AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)
) BEGIN
    SELECT RAISE(ABORT, 'chitra: transfer reference already used');
END;

-- Nothing is written on a day before a closed one (a server clock set
-- back): the days are sealed in order, each chained to the one before.
CREATE TRIGGER payments_after_closed_days BEFORE INSERT ON payments
WHEN NEW.day < (SELECT max(day) FROM closed_days) BEGIN
    SELECT RAISE(ABORT, 'chitra: day before a closed day');
END;
CREATE TRIGGER reversals_after_closed_days BEFORE INSERT ON reversals
WHEN NEW.day < (SELECT max(day) FROM closed_days) BEGIN
    SELECT RAISE(ABORT, 'chitra: day before a closed day');
END;
CREATE TRIGGER drawer_moves_after_closed_days BEFORE INSERT ON drawer_moves
WHEN NEW.day < (SELECT max(day) FROM closed_days) BEGIN
    SELECT RAISE(ABORT, 'chitra: day before a closed day');
END;
CREATE TRIGGER drawer_counts_after_closed_days BEFORE INSERT ON drawer_counts
WHEN NEW.day < (SELECT max(day) FROM closed_days) BEGIN
    SELECT RAISE(ABORT, 'chitra: day before a closed day');
END;
CREATE TRIGGER closed_days_in_order BEFORE INSERT ON closed_days
WHEN NEW.day < (SELECT max(day) FROM closed_days) BEGIN
    SELECT RAISE(ABORT, 'chitra: day before a closed day');
END;

-- A home round's cash goes out only for lines of open periods: a round
-- made before its period was closed is not issued afterwards.
CREATE TRIGGER home_round_issues_open_period BEFORE INSERT ON home_round_issues
WHEN EXISTS (
    SELECT 1 FROM home_round_lines hl
    JOIN entitlements e ON e.id = hl.entitlement_id
    JOIN periods p ON p.period = e.period
    WHERE hl.round_id = NEW.round_id AND p.status = 'closed'
) BEGIN
    SELECT RAISE(ABORT, 'chitra: period is closed');
END;
