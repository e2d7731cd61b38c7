-- An availability window can be marked preferred: the times a person would rather work (a soft wish).
alter table person_availability add column preferred boolean default false not null;
