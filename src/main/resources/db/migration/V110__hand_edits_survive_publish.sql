-- When an activity was last changed by hand (null: never since it was created). Publishing a generation keeps the
-- shifts changed or created after that generation started, instead of replacing them with what it planned earlier.
alter table activities add column updated_at timestamp with time zone;
-- When the generation read the schedule it plans around (null for generations from before this column).
alter table schedule_generations add column started_at timestamp with time zone;
