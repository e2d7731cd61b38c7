-- Fitted forecasts per series (queue_key 0: all queues; channel 'all': every channel) and origin (the local date the
-- forecast starts on), written by the nightly job and after imports or rule changes; pages and requirements read
-- these instead of fitting per request. days × 96 quarter-hour values as 4-byte floats.
create table stored_forecasts (
    company_id  bigint not null references companies(id),
    queue_key   bigint not null,
    channel     varchar(16) not null,
    zone        varchar(64) not null,
    origin      date not null,
    days        integer not null,
    model       varchar(32) not null,
    shrink      double precision not null,
    forecast    bytea not null,
    fitted_at   timestamp with time zone not null,
    constraint pk_stored_forecasts primary key (company_id, queue_key, channel, zone, origin)
);
