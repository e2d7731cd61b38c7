-- Staffing targets per queue (queue_key 0 = all queues together) and channel.
create table staffing_settings (
    company_id        bigint not null references companies(id),
    queue_key         bigint not null,
    channel           varchar(16) not null,
    service_level     double precision not null,
    target_seconds    int not null,
    aht_seconds       int not null,
    shrinkage         double precision not null,
    max_occupancy     double precision not null,
    concurrency       int not null,
    patience_seconds  int,
    sla_window_hours  int,
    updated_at        timestamp with time zone not null,
    constraint pk_staffing_settings primary key (company_id, queue_key, channel)
);
