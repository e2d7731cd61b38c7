-- A stored fit remembers a hash of what it was fitted on (the series' history and special days), and a change of
-- the company's data marks its fits stale instead of deleting them: the store pass then refits only the series
-- whose history changed and takes the others back as they were (issue #12: refit per series, not per company).
alter table stored_forecasts add column history_hash bigint;
alter table stored_forecasts add column stale boolean default false not null;
