-- Special days per company (local dates): holiday and outlier days are left out of training; closed days are
-- forecast at zero; holidays are forecast from past holidays' share of a normal day (zero when there is none).
create table special_days (
    company_id  bigint not null references companies(id),
    local_date  date not null,
    kind        varchar(16) not null,
    note        varchar(500),
    updated_at  timestamp with time zone not null,
    constraint pk_special_days primary key (company_id, local_date),
    constraint ck_special_days_kind check (kind in ('holiday', 'closed', 'outlier'))
);
