-- wrk script for scripts/bench's progress updates: each request records a milestone (material received today) on the
-- next order of the file named by BENCH_PATHS (one /api/v1/orders/{id}/milestones path a line, each order at version 1,
-- so each is written once), as the supplier whose bearer is BENCH_TOKEN. Prints the same JSON line as paths.lua.
-- BENCH_SLICE ("phase:process:processes", set by scripts/bench) gives the warm-up and the measured run of each
-- process their own orders: a second write of an order at version 1 would be a 412, not a progress update.
local phase, part, parts = string.match(os.getenv("BENCH_SLICE") or "1:1:1", "(%d+):(%d+):(%d+)")
local slots, slot = 2 * tonumber(parts), tonumber(phase) * tonumber(parts) + tonumber(part) - 1
local paths, n = {}, 0
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if #line > 0 then
    if n % slots == slot then paths[#paths + 1] = line end
    n = n + 1
  end
end

local body = '{"milestones":[{"kind":"material_received","actualOn":"' .. os.getenv("BENCH_TODAY") .. '"},{"kind":"packed","plannedOn":"' .. os.getenv("BENCH_TODAY") .. '"}]}'
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("PUT", paths[((counter - 1) % #paths) + 1],
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["If-Match"] = '"1"' }, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
