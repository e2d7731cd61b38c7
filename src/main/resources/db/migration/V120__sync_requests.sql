-- "Sync now" while a sync is running cannot move the running execution; the count of requests lets the running one
-- see, when it ends, that someone asked for another run since it started.
alter table gladly_connections add column sync_requests bigint not null default 0;
