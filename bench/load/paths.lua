-- wrk script for scripts/bench: requests the paths listed in the file named by BENCH_PATHS, in turn — or, with
-- BENCH_BODIES set, POSTs the JSON bodies of that file (one per line) to BENCH_PATH with the bearer BENCH_TOKEN —
-- and prints one JSON line with throughput, latency percentiles and errors at the end. GETs carry BENCH_TOKEN too when
-- it is set.
local paths, bodies = {}, {}
if os.getenv("BENCH_BODIES") then
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
else
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
end

local counter = 0
request = function()
  counter = counter + 1
  if #bodies > 0 then
    return wrk.format("POST", os.getenv("BENCH_PATH"),
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") },
      bodies[(counter % #bodies) + 1])
  end
  local token = os.getenv("BENCH_TOKEN")
  return wrk.format("GET", paths[(counter % #paths) + 1], token and { ["Authorization"] = "Bearer " .. token } or nil)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
