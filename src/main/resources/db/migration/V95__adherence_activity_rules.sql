-- Per company and activity type: which agent states satisfy a scheduled block of that type (adherence). A type with
-- no row uses the default rule (productive types: a productive state available for the type's channel; others:
-- away or logged out). satisfied_by is a comma-separated list of tokens (productive, state:active, state:away,
-- state:logged_out, mapped:<activity type a state maps to>).
create table adherence_activity_rules (
    company_id        bigint not null references companies(id),
    activity_type_id  bigint not null references activity_types(id) on delete cascade,
    satisfied_by      varchar(2000) not null,
    requires_channel  boolean not null,
    updated_at        timestamp with time zone not null,
    primary key (company_id, activity_type_id)
);
