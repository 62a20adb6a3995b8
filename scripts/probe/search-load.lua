-- wrk script: the typical search of DESIGN §10 at random points of the country, p50/p95/p99 at the end.
local points = {
  {35.08, 137.15}, {34.69, 135.52}, {35.69, 139.69}, {35.86, 139.65}, {34.98, 138.38},
  {33.61, 130.42}, {43.06, 141.35}, {36.39, 139.06}, {34.40, 132.46}, {36.65, 138.18},
}
local processes = {"machining.milling", "sheet_metal.stamping", "joining.welding", "surface.plating", "moulding.injection"}
local certifications = {"iso_9001", "iatf_16949", "iso_14001"}
local n = 0

request = function()
  n = n + 1
  local p = points[(n % #points) + 1]
  local path = string.format(
    "/api/v1/suppliers?process=%s&certification=%s&lat=%.4f&lon=%.4f&withinKm=50&limit=20",
    processes[(n % #processes) + 1], certifications[(n % #certifications) + 1], p[1], p[2])
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, rps %.0f, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
