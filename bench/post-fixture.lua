-- wrk script: POSTs one 8x8 CALL_ACTION fixture (path in env FIXTURE) to /webhooks/vca, each time with a new
-- eventId (the server answers a repeated eventId from its cache, which would measure the cache, not a decision).
local file = assert(io.open(os.getenv("FIXTURE"), "rb"))
wrk.method = "POST"
local template = file:read("*a")
file:close()
local thread_tag = tostring({}):gsub("[^%w]", "")
local counter = 0

request = function()
  counter = counter + 1
  local body = template:gsub('"eventId"%s*:%s*"[^"]*"', '"eventId":"bench-' .. thread_tag .. '-' .. counter .. '"', 1)
  return wrk.format(nil, nil, nil, body)
end
wrk.headers["Content-Type"] = "application/json"
if os.getenv("AUTH") then
  wrk.headers["Authorization"] = os.getenv("AUTH")
end

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d |\n",
    os.getenv("LABEL") or "run", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
