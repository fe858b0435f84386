-- 026: each entitlement line carries its own seal (a keyed MAC over its
-- columns, as the other state tables' rows do), checked when a payment
-- settles it: a line's amount changed with sqlite3 is refused at the
-- counter, not only found afterwards by `verify`. Lines written before
-- keep no seal (NULL); their batch's digest stands for them.

ALTER TABLE entitlements ADD COLUMN mac TEXT;
