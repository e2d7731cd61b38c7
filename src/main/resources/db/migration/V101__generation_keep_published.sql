-- keep_published: keep every published shift in the horizon (as before locks existed); false (default): only
-- locked shifts and hand-placed meetings, training and time off are kept, other shifts may be replaced on publish.
alter table schedule_generations add column keep_published boolean default false not null;
