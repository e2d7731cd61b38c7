-- Historical volume imported from another system (POST /api/v1/volume/import), spread onto UTC quarter hours
-- like interval_volume; queue_key 0 = no queue. Importing an interval again replaces what it covered.
create table imported_volume (
    company_id   bigint not null references companies(id),
    quarter      bigint not null,
    queue_key    bigint not null,
    queue_path   varchar(400) not null,
    channel      varchar(16) not null,
    contacts     int not null,
    imported_at  timestamp with time zone not null,
    constraint pk_imported_volume primary key (company_id, quarter, queue_key, channel)
);
