-- Answer waits per interval as a cumulative histogram (answered within 5 s, 10 s, ... 3 days), instead of one
-- "met" count against a target fixed per channel: the volume's service level can then be read against each queue and
-- channel's own staffing target, whatever it is now or becomes later. A target between two edges is read at the
-- lower edge (conservative). sla_total becomes what it always counted: contacts answered.
alter table interval_volume drop column sla_met;
alter table interval_volume rename column sla_total to answered;
alter table interval_volume add column answered_le_5 int not null default 0;
alter table interval_volume add column answered_le_10 int not null default 0;
alter table interval_volume add column answered_le_15 int not null default 0;
alter table interval_volume add column answered_le_20 int not null default 0;
alter table interval_volume add column answered_le_25 int not null default 0;
alter table interval_volume add column answered_le_30 int not null default 0;
alter table interval_volume add column answered_le_45 int not null default 0;
alter table interval_volume add column answered_le_60 int not null default 0;
alter table interval_volume add column answered_le_90 int not null default 0;
alter table interval_volume add column answered_le_120 int not null default 0;
alter table interval_volume add column answered_le_180 int not null default 0;
alter table interval_volume add column answered_le_240 int not null default 0;
alter table interval_volume add column answered_le_300 int not null default 0;
alter table interval_volume add column answered_le_600 int not null default 0;
alter table interval_volume add column answered_le_900 int not null default 0;
alter table interval_volume add column answered_le_1200 int not null default 0;
alter table interval_volume add column answered_le_1800 int not null default 0;
alter table interval_volume add column answered_le_3600 int not null default 0;
alter table interval_volume add column answered_le_7200 int not null default 0;
alter table interval_volume add column answered_le_14400 int not null default 0;
alter table interval_volume add column answered_le_28800 int not null default 0;
alter table interval_volume add column answered_le_43200 int not null default 0;
alter table interval_volume add column answered_le_86400 int not null default 0;
alter table interval_volume add column answered_le_172800 int not null default 0;
alter table interval_volume add column answered_le_259200 int not null default 0;

delete from interval_volume;
insert into interval_volume (company_id, quarter, queue_path, channel, contacts, answered, frd_sum, frd_n,
       answered_le_5, answered_le_10, answered_le_15, answered_le_20, answered_le_25, answered_le_30, answered_le_45, answered_le_60, answered_le_90, answered_le_120, answered_le_180, answered_le_240, answered_le_300, answered_le_600, answered_le_900, answered_le_1200, answered_le_1800, answered_le_3600, answered_le_7200, answered_le_14400, answered_le_28800, answered_le_43200, answered_le_86400, answered_le_172800, answered_le_259200)
select company_id, cast(floor(extract(epoch from queued_at) / 900) as bigint), coalesce(queue_path, ''),
       coalesce(channel, 'unknown'), count(*),
       sum(case when answer_wait_seconds is not null then 1 else 0 end),
       coalesce(sum(first_response_duration), 0), count(first_response_duration),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 5 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 10 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 15 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 20 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 25 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 30 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 45 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 60 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 90 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 120 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 180 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 240 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 300 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 600 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 900 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 1200 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 1800 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 3600 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 7200 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 14400 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 28800 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 43200 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 86400 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 172800 then 1 else 0 end),
       sum(case when answer_wait_seconds is not null and answer_wait_seconds <= 259200 then 1 else 0 end)
from contacts where excluded = false
group by company_id, cast(floor(extract(epoch from queued_at) / 900) as bigint), coalesce(queue_path, ''),
         coalesce(channel, 'unknown');
