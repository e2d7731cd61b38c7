-- Counted (not excluded) contacts per UTC quarter hour (epoch seconds / 900), queue path ('' = no queue) and
-- channel ('unknown' when Rostra does not know the Gladly channel): what volume, forecasts and staffing read,
-- instead of grouping millions of contacts on every request. Recomputed for a time range whenever contacts in it
-- are stored or re-assigned (IntervalVolume.refresh).
create table interval_volume (
    company_id  bigint not null references companies(id),
    quarter     bigint not null,
    queue_path  varchar(400) not null,
    channel     varchar(16) not null,
    contacts    int not null,
    sla_met     int not null,
    sla_total   int not null,
    frd_sum     bigint not null,
    frd_n       int not null,
    constraint pk_interval_volume primary key (company_id, quarter, queue_path, channel)
);

-- Contacts stored before this table existed (SLA targets as in IntervalVolume.SLA_TARGET_SECONDS).
insert into interval_volume (company_id, quarter, queue_path, channel, contacts, sla_met, sla_total, frd_sum, frd_n)
select company_id, cast(floor(extract(epoch from queued_at) / 900) as bigint), coalesce(queue_path, ''),
       coalesce(channel, 'unknown'), count(*),
       sum(case when sla_seconds is not null and sla_seconds <= case channel when 'phone' then 60 when 'chat' then 60
           when 'sms' then 900 when 'social' then 3600 when 'email' then 86400 else 3600 end then 1 else 0 end),
       sum(case when sla_seconds is not null then 1 else 0 end),
       coalesce(sum(first_response_duration), 0), count(first_response_duration)
from contacts where excluded = false
group by company_id, cast(floor(extract(epoch from queued_at) / 900) as bigint), coalesce(queue_path, ''),
         coalesce(channel, 'unknown');
