using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Registry.Api.Gatherings;
using static Registry.Api.Gatherings.MeetingScheduler;

// The meeting scheduler on a realistic matching meeting (DESIGN §12, docs/gatherings.md): 150 buyers and 250
// suppliers, 3,000 accepted requests skewed towards popular suppliers, two sessions of twelve 20-minute slots at 70
// tables, at most 10 meetings each and 4 in a row, a fifth of the requests mutual, a few meetings pinned. The instance
// is generated from a fixed seed; the scheduler runs five times and one JSON line reports the result (the same every
// time), the median and slowest run (the first includes JIT compilation), then mutual requests, idle gaps and conflicts.
const int Buyers = 150, Suppliers = 250, Requests = 3_000, SlotsPerSession = 12, Tables = 70, Runs = 5;
var gathering = Generate(seed: 20261212);
var times = new List<double>();
Schedule? schedule = null;
for (var run = 0; run < Runs; run++)
{
    var clock = Stopwatch.StartNew();
    schedule = MeetingScheduler.Plan(gathering);
    times.Add(clock.Elapsed.TotalMilliseconds);
}

times.Sort();
Console.WriteLine(JsonSerializer.Serialize(new
{
    participants = gathering.Participants.Count,
    requests = gathering.Meetings.Count,
    placed = schedule!.Placed,
    upperBound = schedule.UpperBound,
    ratio = Math.Round((double)schedule.Placed / schedule.UpperBound, 4),
    p50Ms = Math.Round(times[times.Count / 2], 1),
    maxMs = Math.Round(times[^1], 1),
    mutualPlaced = schedule.MutualPlaced,
    idleGaps = schedule.IdleGaps,
    pinnedConflicts = schedule.PinnedConflicts.Count,
}));

static Gathering Generate(int seed)
{
    var random = new Random(seed);
    var slots = Enumerable.Range(0, 2 * SlotsPerSession).Select(s => new Slot(s / SlotsPerSession)).ToList();
    var participants = new List<Participant>();
    for (var i = 0; i < Buyers + Suppliers; i++)
    {
        var buyer = i < Buyers;
        // Buyers come for the morning, the afternoon or both; most suppliers keep their table all day.
        var draw = random.NextDouble();
        var sessions = draw < (buyer ? 0.5 : 0.7) ? new HashSet<int> { 0, 1 } : draw < (buyer ? 0.75 : 0.85) ? [0] : new HashSet<int> { 1 };
        // One in twenty arrives late and misses the first two slots of the day.
        var late = random.NextDouble() < 0.05 ? new HashSet<int> { 0, 1 } : null;
        participants.Add(new Participant(Id(i), sessions, MaxMeetings: 10, late));
    }

    // Supplier popularity follows a Zipf-like law; buyers, drawn evenly, ask about twenty suppliers each, only ones they
    // share a session with.
    var weights = Enumerable.Range(0, Suppliers).Select(r => 1 / Math.Pow(r + 1, 0.8)).ToArray();
    var meetings = new List<Meeting>();
    var pairs = new HashSet<(int, int)>();
    while (meetings.Count < Requests)
    {
        var buyer = random.Next(Buyers);
        var supplier = Buyers + Pick(random, weights);
        if (!participants[buyer].Sessions.Overlaps(participants[supplier].Sessions) || !pairs.Add((buyer, supplier)))
        {
            continue;
        }

        var mutual = random.NextDouble() < 0.2;
        var score = Math.Round(0.3 + (0.7 * random.NextDouble()), 3);
        meetings.Add(new Meeting(Id(10_000 + meetings.Count), Id(buyer), Id(supplier), mutual, score));
    }

    // A coordinator pinned a few meetings by hand: the first mutual meeting of ten different buyers, each at its own table.
    var pinnedBuyers = new HashSet<Guid>();
    var pinnedSuppliers = new HashSet<Guid>();
    for (var i = 0; i < meetings.Count && pinnedBuyers.Count < 10; i++)
    {
        var m = meetings[i];
        var session = participants.First(p => p.Id == m.A).Sessions.Intersect(participants.First(p => p.Id == m.B).Sessions).Min();
        if (m.Mutual && !pinnedBuyers.Contains(m.A) && pinnedSuppliers.Add(m.B))
        {
            pinnedBuyers.Add(m.A);
            meetings[i] = m with { Pinned = new Placement((session * SlotsPerSession) + 4 + (pinnedBuyers.Count % 6), pinnedBuyers.Count) };
        }
    }

    return new Gathering(slots, [Tables, Tables], MaxConsecutive: 4, participants, meetings);
}

static int Pick(Random random, double[] weights)
{
    var target = random.NextDouble() * weights.Sum();
    for (var i = 0; i < weights.Length; i++)
    {
        target -= weights[i];
        if (target <= 0)
        {
            return i;
        }
    }

    return weights.Length - 1;
}

static Guid Id(int n) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-7000-8000-{n:D12}"));
