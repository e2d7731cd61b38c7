-- pgbench script: PostgreSQL's raw rate for what one webhook delivery must make durable, a single-row insert of
-- the same columns and the same body into a copy of gladly_events (same indexes and unique key), one commit each.
\set agent random(0, 199)
insert into bench_raw_events (company_id, event_id, type, agent_id, occurred_at, received_at, source, body)
values (1, 'pg-' || :client_id || '-' || nextval('bench_raw_events_seq'), 'AGENT_STATUS/WENT_AWAY', 'bench-agent-' || :agent, now(), now(), 'webhook',
 '{"id":"run-1-123456","type":"AGENT_STATUS/WENT_AWAY","timestamp":"2026-11-30T10:00:00.000Z","initiator":{"id":"bench-agent-42","type":"AGENT"},"content":{"agentId":"bench-agent-42","occurredAt":"2026-11-30T10:00:00.000Z","activeReason":{"id":"r1","name":"Phones"},"awayReason":{"id":"r2","name":"Break"}}}');
