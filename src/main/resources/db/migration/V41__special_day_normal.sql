-- A user may overrule the abnormal-day detection: 'normal' days are trained on even when detected as abnormal.
alter table special_days drop constraint ck_special_days_kind;
alter table special_days add constraint ck_special_days_kind check (kind in ('holiday', 'closed', 'outlier', 'normal'));
