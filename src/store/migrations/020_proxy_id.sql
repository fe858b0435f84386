-- 020: proxies and guardians by their own ID number, so that the counter
-- finds the person a proxy collects for from the proxy's own card.

CREATE INDEX proxies_by_id_number ON proxies(id_number);
