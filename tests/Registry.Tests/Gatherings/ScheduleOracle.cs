using static Registry.Api.Gatherings.MeetingScheduler;

namespace Registry.Tests.Gatherings;

/// <summary>
/// The scheduler's rules and objective written a second time, from DESIGN §12 and not from the scheduler's code: a
/// checker for any schedule, and an exhaustive search for small gatherings. Pinned meetings are as the scheduler
/// documents them: kept even when they break a rule, so a rule is broken only when an unpinned meeting takes part.
/// </summary>
internal static class ScheduleOracle
{
    /// <summary>The best objective: placed, mutual placed, score in hundredths, and the fewest gaps among those.</summary>
    public sealed record Best(int Placed, int Mutual, long Score, int Gaps);

    /// <summary>Every broken rule and wrong objective value of <paramref name="s"/>, in words.</summary>
    public static List<string> Violations(Gathering g, Schedule s)
    {
        var errors = new List<string>();
        var meetings = g.Meetings.ToDictionary(m => m.Id);
        var people = g.Participants.ToDictionary(p => p.Id);
        if (!s.Placements.Keys.Concat(s.Unplaced).Order().SequenceEqual(meetings.Keys.Order()))
        {
            errors.Add("not every meeting is either placed or unplaced, once");
        }

        var atTable = new Dictionary<(int, int), List<Meeting>>();
        var inSlot = new Dictionary<(Guid, int), List<Meeting>>();
        foreach (var (id, at) in s.Placements)
        {
            var m = meetings[id];
            if (m.Pinned is { } pin && pin != at)
            {
                errors.Add($"{id} moved from its pin");
            }
            else if (m.Pinned is null)
            {
                if (at.Slot < 0 || at.Slot >= g.Slots.Count)
                {
                    errors.Add($"{id} in slot {at.Slot}, which does not exist");
                    continue;
                }

                var session = g.Slots[at.Slot].SessionIndex;
                if (at.Table < 0 || at.Table >= g.TablesPerSession[session])
                {
                    errors.Add($"{id} at table {at.Table} of session {session}, which does not exist");
                }

                foreach (var side in new[] { m.A, m.B }.Where(p => !people[p].Sessions.Contains(session) || people[p].UnavailableSlots?.Contains(at.Slot) == true))
                {
                    errors.Add($"{id} in slot {at.Slot}, which {side} cannot take");
                }
            }

            Add(atTable, (at.Slot, at.Table), m);
            Add(inSlot, (m.A, at.Slot), m);
            Add(inSlot, (m.B, at.Slot), m);
        }

        errors.AddRange(atTable.Where(t => t.Value.Count > 1 && t.Value.Any(m => m.Pinned is null)).Select(t => $"two meetings at table {t.Key}"));
        errors.AddRange(inSlot.Where(t => t.Value.Count > 1 && t.Value.Any(m => m.Pinned is null)).Select(t => $"{t.Key.Item1} twice in slot {t.Key.Item2}"));

        var gaps = 0;
        foreach (var person in g.Participants)
        {
            var mine = s.Placements.Where(p => meetings[p.Key].A == person.Id || meetings[p.Key].B == person.Id).ToList();
            if (mine.Count > person.MaxMeetings && mine.Any(p => meetings[p.Key].Pinned is null))
            {
                errors.Add($"{person.Id} has {mine.Count} meetings, more than {person.MaxMeetings}");
            }

            foreach (var session in g.Slots.Select(x => x.SessionIndex).Distinct())
            {
                // Busy or not, and with an unpinned meeting or not, in each slot of the session in time order.
                var slots = Enumerable.Range(0, g.Slots.Count).Where(x => g.Slots[x].SessionIndex == session).ToList();
                var busy = slots.Select(x => mine.Where(p => p.Value.Slot == x).ToList()).ToList();
                var used = Enumerable.Range(0, slots.Count).Where(i => busy[i].Count > 0).ToList();
                gaps += used.Count == 0 ? 0 : used[^1] - used[0] + 1 - used.Count;
                var (run, unpinned) = (0, false);
                for (var i = 0; i <= slots.Count; i++)
                {
                    if (i < slots.Count && busy[i].Count > 0)
                    {
                        run++;
                        unpinned |= busy[i].Any(p => meetings[p.Key].Pinned is null);
                        continue;
                    }

                    if (g.MaxConsecutive > 0 && run > g.MaxConsecutive && unpinned)
                    {
                        errors.Add($"{person.Id} has {run} meetings in a row in session {session}");
                    }

                    (run, unpinned) = (0, false);
                }
            }
        }

        var placed = s.Placements.Keys.Select(id => meetings[id]).ToList();
        if ((s.Placed, s.MutualPlaced, s.IdleGaps) != (placed.Count, placed.Count(m => m.Mutual), gaps)
            || Math.Abs(s.ScoreSum - placed.Sum(m => m.Score)) > 1e-9)
        {
            errors.Add($"objective {(s.Placed, s.MutualPlaced, s.ScoreSum, s.IdleGaps)} is not {(placed.Count, placed.Count(m => m.Mutual), placed.Sum(m => m.Score), gaps)}");
        }

        if (s.UpperBound < s.Placed || s.UpperBound > g.Meetings.Count)
        {
            errors.Add($"upper bound {s.UpperBound} for {s.Placed} placed of {g.Meetings.Count}");
        }

        errors.AddRange(s.PinnedConflicts.Where(id => meetings[id].Pinned is null).Select(id => $"{id} is reported as a pinned conflict but is not pinned"));
        return errors;
    }

    /// <summary>
    /// The best schedule of a small gathering by trying every assignment: each unpinned meeting unplaced or in one of
    /// the slots (tables are interchangeable: what matters is a slot's count against its session's tables less the
    /// pinned ones). Cut only where a rule is already broken or the count can no longer reach the best.
    /// </summary>
    public static Best Exhaustive(Gathering g)
    {
        var slotCount = g.Slots.Count;
        var index = g.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var busy = new int[g.Participants.Count, slotCount];
        var unpinnedAt = new bool[g.Participants.Count, slotCount];
        var count = new int[g.Participants.Count];
        var load = new int[slotCount];
        var free = Enumerable.Range(0, slotCount).Select(x => g.TablesPerSession[g.Slots[x].SessionIndex]
            - g.Meetings.Where(m => m.Pinned is { } p && p.Slot == x && p.Table < g.TablesPerSession[g.Slots[x].SessionIndex]).Select(m => m.Pinned!.Table).Distinct().Count()).ToArray();
        var (placed, mutual, score) = (0, 0, 0L);
        foreach (var m in g.Meetings.Where(m => m.Pinned is not null))
        {
            Take(m, m.Pinned!.Slot, 1, unpinned: false);
        }

        var open = g.Meetings.Where(m => m.Pinned is null).ToList();
        Best? best = null;
        Search(0);
        return best!;

        void Search(int i)
        {
            if (best is not null && placed + (open.Count - i) < best.Placed)
            {
                return;
            }

            if (i == open.Count)
            {
                if (RunsKept())
                {
                    var found = new Best(placed, mutual, score, Gaps());
                    if (best is null || Better(found, best))
                    {
                        best = found;
                    }
                }

                return;
            }

            Search(i + 1);
            var m = open[i];
            for (var x = 0; x < slotCount; x++)
            {
                if (Allowed(m, x))
                {
                    Take(m, x, 1, unpinned: true);
                    Search(i + 1);
                    Take(m, x, -1, unpinned: true);
                }
            }
        }

        bool Allowed(Meeting m, int x) =>
            load[x] < free[x] && new[] { m.A, m.B }.All(id =>
            {
                var person = g.Participants[index[id]];
                return person.Sessions.Contains(g.Slots[x].SessionIndex) && person.UnavailableSlots?.Contains(x) != true
                    && busy[index[id], x] == 0 && count[index[id]] < person.MaxMeetings;
            });

        void Take(Meeting m, int x, int sign, bool unpinned)
        {
            foreach (var p in new[] { index[m.A], index[m.B] })
            {
                busy[p, x] += sign;
                count[p] += sign;
                unpinnedAt[p, x] = unpinned && sign > 0;
            }

            load[x] += unpinned ? sign : 0;
            placed += sign;
            mutual += m.Mutual ? sign : 0;
            score += sign * (long)Math.Round(m.Score * 100);
        }

        IEnumerable<List<int>> Sessions() =>
            g.Slots.Select(x => x.SessionIndex).Distinct().Select(k => Enumerable.Range(0, slotCount).Where(x => g.Slots[x].SessionIndex == k).ToList());

        bool RunsKept()
        {
            for (var p = 0; p < g.Participants.Count; p++)
            {
                foreach (var slots in Sessions())
                {
                    var (run, unpinned) = (0, false);
                    foreach (var x in slots.Append(-1))
                    {
                        if (x >= 0 && busy[p, x] > 0)
                        {
                            run++;
                            unpinned |= unpinnedAt[p, x];
                            continue;
                        }

                        if (g.MaxConsecutive > 0 && run > g.MaxConsecutive && unpinned)
                        {
                            return false;
                        }

                        (run, unpinned) = (0, false);
                    }
                }
            }

            return true;
        }

        int Gaps()
        {
            var gaps = 0;
            for (var p = 0; p < g.Participants.Count; p++)
            {
                foreach (var slots in Sessions())
                {
                    var used = Enumerable.Range(0, slots.Count).Where(i => busy[p, slots[i]] > 0).ToList();
                    gaps += used.Count == 0 ? 0 : used[^1] - used[0] + 1 - used.Count;
                }
            }

            return gaps;
        }
    }

    private static bool Better(Best x, Best y) =>
        x.Placed != y.Placed ? x.Placed > y.Placed : x.Mutual != y.Mutual ? x.Mutual > y.Mutual : x.Score != y.Score ? x.Score > y.Score : x.Gaps < y.Gaps;

    private static void Add<TKey>(Dictionary<TKey, List<Meeting>> map, TKey key, Meeting m)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(m);
    }
}
