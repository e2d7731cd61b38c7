-- wrk script: one AGENT_STATUS event per request, unique ids per thread, key as Basic username and password.
local threads = {}
local n = 0
local types = {"AGENT_STATUS/LOGGED_IN", "AGENT_STATUS/WENT_AWAY", "AGENT_STATUS/RETURNED_FROM_AWAY",
               "AGENT_STATUS/CHANGED_ACTIVE_REASON", "AGENT_STATUS/LOGGED_OUT"}

function setup(thread)
  n = n + 1
  thread:set("tid", n)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  prefix = os.getenv("RUN_ID") or "run"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = os.getenv("AUTH")
end

function request()
  counter = counter + 1
  local agent = "bench-agent-" .. (counter % 200)
  local now = os.date("!%Y-%m-%dT%H:%M:%S.000Z")
  local body = string.format('{"id":"%s-%d-%d","type":"%s","timestamp":"%s","initiator":{"id":"%s","type":"AGENT"},'
    .. '"content":{"agentId":"%s","occurredAt":"%s","activeReason":{"id":"r1","name":"Phones"},"awayReason":{"id":"r2","name":"Break"}}}',
    prefix, tid, counter, types[(counter % 5) + 1], now, agent, agent, now)
  return wrk.format("POST", nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
