-- Names that explain themselves (issue #10). sla_seconds is a measurement, not a target: the seconds the customer
-- waited for an answer (phone: ring to answer; other channels: created to first response). own_channel is the
-- channel of the contact itself; channel stays the conversation's channel (its first message's), which counts.
-- The public API keeps the contract's field name (sla_seconds).
alter table contacts rename column sla_seconds to answer_wait_seconds;
alter table contacts rename column own_channel to contact_channel;
