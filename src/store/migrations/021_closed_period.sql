-- 021: a closed period's results have gone back to the social-affairs
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
