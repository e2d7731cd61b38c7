-- An event that cannot be applied (it fails even alone) is set aside with its error instead of being retried
-- forever: it is marked processed, so it never blocks another event or another company, and the Integrations
-- card counts it.
alter table gladly_events add column quarantined_at timestamp with time zone;
alter table gladly_events add column quarantine_reason varchar(1000);
create index ix_gladly_events_quarantined on gladly_events (company_id, quarantined_at);
