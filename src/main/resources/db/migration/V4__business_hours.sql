-- Optional per-company opening hours (company time zone) for first-response and SLA times.
alter table companies add column business_hours_enabled boolean default false not null;

create table business_hours (
    company_id   bigint not null references companies(id),
    day_of_week  smallint not null,
    opens_at     time not null,
    closes_at    time not null,
    constraint ck_business_hours_day check (day_of_week between 1 and 7),
    constraint ck_business_hours_order check (opens_at < closes_at)
);
create index ix_business_hours_company on business_hours (company_id, day_of_week);

create table business_holidays (
    company_id  bigint not null references companies(id),
    holiday_date date not null,
    name        varchar(200),
    primary key (company_id, holiday_date)
);
