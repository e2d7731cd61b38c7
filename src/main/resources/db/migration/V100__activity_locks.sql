-- A locked activity is kept as it is when a schedule is generated again (the generator plans around it);
-- unlocked generated shifts inside a new generation's horizon may be replaced when it is published.
alter table activities add column locked boolean default false not null;
