-- Each queue × channel chooses its staffing model: erlang_c (no abandonment) or erlang_a (exponential patience,
-- patience_seconds then required).
alter table staffing_settings add column model varchar(16) default 'erlang_c' not null;
