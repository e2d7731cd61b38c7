-- When each Reports API call to a company's Gladly started (database clock), so every node together keeps
-- Gladly's "10 per sliding minute": a new call waits until the 10th most recent one is a minute old.
create table gladly_report_starts (
    company_id  bigint not null references companies(id),
    started_at  timestamp with time zone not null
);
create index ix_gladly_report_starts on gladly_report_starts (company_id, started_at);
