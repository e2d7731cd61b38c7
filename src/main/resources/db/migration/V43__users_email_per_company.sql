-- An email is unique within a company, not across companies: a global constraint let one tenant learn, from a 409,
-- that an address signs in to another. Sign-in checks the password against every account with that email.
alter table users drop constraint uq_users_email;
alter table users add constraint uq_users_company_email unique (company_id, email);
create index ix_users_email on users (email);
