-- skill_switch: people with several skills may also get shifts that change queue × channel once, at the lunch's end
-- (or the middle of a shift without lunch). Off by default: it enlarges the search and helps only mixed demand.
alter table schedule_generations add column skill_switch boolean default false not null;
