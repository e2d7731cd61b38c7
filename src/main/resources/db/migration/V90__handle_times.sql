-- Handle times from Gladly's Work Session report (issue 13): one row per work session, keyed by Gladly's session id,
-- joined to contacts by the contact (session) id so the AHT follows the contact's queue. Staffing owns the rows; the
-- Gladly sync writes them and keeps its own checkpoint (sessions are anchored where they end).
create table handle_times (
    company_id            bigint not null references companies(id),
    session_id            varchar(64) not null,
    contact_external_id   varchar(64) not null,
    gladly_channel        varchar(32),
    inbox_id              varchar(64),
    ended_at              timestamp with time zone not null,
    handle_seconds        double precision not null,
    after_contact_seconds double precision not null,
    constraint pk_handle_times primary key (company_id, session_id)
);
create index ix_handle_times_contact on handle_times (company_id, contact_external_id);
create index ix_handle_times_ended on handle_times (company_id, ended_at);

create table gladly_work_session_sync (
    company_id  bigint not null primary key references companies(id),
    checkpoint  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

-- true: the AHT is the measured one (from the Work Session report) when there is one, aht_seconds the fallback;
-- false: aht_seconds was typed in and overrides the measurement. Rows saved before this existed keep their value.
alter table staffing_settings add column aht_measured boolean default false not null;
