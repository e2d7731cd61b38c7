-- Per company: the grace at block starts and ends, and after how long out of adherence Realtime highlights an agent.
create table adherence_settings (
    company_id           bigint primary key references companies(id),
    grace_seconds        int not null,
    alert_after_seconds  int not null,
    updated_at           timestamp with time zone not null
);
