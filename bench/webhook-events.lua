-- wrk script of bench/run-webhook.sh: POSTs the CALL_ACTION bodies of EVENTS (one JSON document per line, written by
-- io.callroute.bench.WebhookLoadFiles) in turn, each with a fresh eventId — the server answers a repeated eventId
-- from its cache, which would measure the cache, not a decision. The same bodies go to the webhook and to the static
-- anchor, so both read the same bytes. AUTH, if set, is sent as the Authorization header. At the end one line:
-- RESULT <label> <requests> <seconds> <req/s> <p50 ms> <p99 ms> <max ms> <socket errors> <non-2xx answers>
local prefixes, suffixes = {}, {}
local events = os.getenv("EVENTS") or error("EVENTS: the events file")
for line in io.lines(events) do
  -- Split once here, so a request costs a concatenation rather than a pattern match on the client's share of the
  -- two cores.
  local before, after = line:match('^(.-"eventId"%s*:%s*")[^"]*(".*)$')
  if before then
    prefixes[#prefixes + 1] = before
    suffixes[#suffixes + 1] = after
  end
end
assert(#prefixes > 0, "no event with an eventId in " .. events)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if os.getenv("AUTH") then
  wrk.headers["Authorization"] = os.getenv("AUTH")
end

local threads = {}
math.randomseed(os.time())
local run = os.time() .. "-" .. math.random(1000000000)
function setup(thread)
  thread:set("tag", run .. "-" .. (#threads + 1))
  thread:set("offset", #threads * 4099)
  threads[#threads + 1] = thread
end

-- No response() callback: wrk would hand every answer to Lua; it counts non-2xx answers by itself.
local counter = 0
function request()
  counter = counter + 1
  local i = (counter + offset) % #prefixes + 1
  return wrk.format(nil, nil, nil, prefixes[i] .. tag .. "-" .. counter .. suffixes[i])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s %d %.2f %.1f %.3f %.3f %.3f %d %d\n", os.getenv("LABEL") or "run",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
