namespace Registry.Api.Gatherings;

/// <summary>
/// Places the accepted meetings of a matching meeting (DESIGN §12) into slots × tables. Hard rules: nobody is in two
/// meetings in one slot; a table holds one meeting per slot; a table exists in that slot's session; both sides attend
/// the slot's session and are available then; nobody has more than their maximum; nobody has more than
/// <see cref="Gathering.MaxConsecutive"/> meetings in adjacent slots of a session. Pinned meetings stay exactly where
/// a coordinator put them; one that breaks a rule is kept and reported, and the others are placed around it (a run
/// through a new meeting, or a new meeting on top of a count, must still keep the rules).
/// <para>
/// Objective, in order: the most meetings placed; then the most mutual requests placed, then the highest score sum
/// (scores compared in millionths); then the fewest idle gaps (per participant and session, the empty slots between
/// their first and last meeting).
/// </para>
/// <para>
/// Algorithm: the relaxed problem without time and tables is a b-matching, solved by min-cost max flow
/// (<see cref="MeetingBound"/>). Its meetings go first in a greedy construction, most constrained first, and ejection
/// chains (<see cref="MeetingSearch.Chains"/>) fit in those left over by moving others; then the other meetings fill
/// the room left, the same way. Reaching the relaxed optimum proves the first two criteria optimal; otherwise a tabu
/// search (<see cref="MeetingSearch.Improve"/>) trades meetings in and out with evictions. A last pass swaps Kempe
/// chains between slots to close idle gaps without changing which meetings are placed (<see cref="MeetingGaps"/>).
/// Tables are dealt last, lowest free number first.
/// Deterministic: budgets are counted in slots tried, not time, and the random generator's seed is fixed.
/// </para>
/// <para>
/// <see cref="Schedule.UpperBound"/> is the number of pinned meetings plus the least of: the unpinned meetings that
/// have a slot at all; what the slots can hold (each placed meeting is in one slot, and a slot holds at most its
/// tables left, the meetings that may take it and half the participants who may be in it); and the flow bound. For the
/// flow bound each participant gets a capacity: their maximum less their pinned meetings, and at most what their free
/// slots allow — a run of L adjacent free slots holds at most L − ⌊L / (N + 1)⌋ meetings when N is the maximum in a
/// row, since each of the ⌊L / (N + 1)⌋ disjoint windows of N + 1 slots needs an empty one. Any schedule's unpinned
/// meetings then form a b-matching within those capacities, and a maximum flow is at least its size (bipartite
/// graph), or at least twice its size on the double cover (any graph), so the bound holds whatever the graph.
/// </para>
/// </summary>
public static class MeetingScheduler
{
    /// <summary>A time slot, in time order; the slots of one session are consecutive.</summary>
    public sealed record Slot(int SessionIndex);

    /// <summary>A buyer or supplier: the sessions they attend, their maximum of meetings, and slots they cannot take
    /// (late arrival, a no-show's freed slots).</summary>
    public sealed record Participant(Guid Id, IReadOnlySet<int> Sessions, int MaxMeetings, IReadOnlySet<int>? UnavailableSlots = null);

    public sealed record Placement(int Slot, int Table);

    /// <summary>An accepted meeting between <paramref name="A"/> and <paramref name="B"/>; <paramref name="Mutual"/> when
    /// both sides asked for it, <paramref name="Score"/> the match score (0–1), <paramref name="Pinned"/> where a
    /// coordinator fixed it.</summary>
    public sealed record Meeting(Guid Id, Guid A, Guid B, bool Mutual, double Score, Placement? Pinned = null);

    /// <summary>What to schedule: the slots, each session's number of tables, the most meetings in a row (0 or less:
    /// no limit), the participants and the accepted meetings.</summary>
    public sealed record Gathering(
        IReadOnlyList<Slot> Slots, IReadOnlyList<int> TablesPerSession, int MaxConsecutive,
        IReadOnlyList<Participant> Participants, IReadOnlyList<Meeting> Meetings);

    /// <summary>The schedule: where each placed meeting is (pinned ones where they were pinned), the others, the pinned
    /// meetings that break a rule, the objective's values and an upper bound on the meetings that can be placed.</summary>
    public sealed record Schedule(
        IReadOnlyDictionary<Guid, Placement> Placements, IReadOnlyList<Guid> Unplaced, IReadOnlyList<Guid> PinnedConflicts,
        int Placed, int MutualPlaced, double ScoreSum, int IdleGaps, int UpperBound);

    /// <summary>Schedules <paramref name="gathering"/>. Throws on input that cannot come from a valid gathering (an
    /// unknown participant or session, a duplicate id, a meeting with oneself, a score outside 0–1, a pinned slot that
    /// does not exist): that is a caller's bug, not an outcome.</summary>
    public static Schedule Plan(Gathering gathering)
    {
        var (t, conflicts, usable) = Build(gathering);

        var capacity = new int[t.ParticipantCount];
        for (var p = 0; p < capacity.Length; p++)
        {
            capacity[p] = Math.Max(0, Math.Min(t.MaxMeetings[p] - t.Count(p), SlotCapacity(t, p, usable)));
        }

        var open = Enumerable.Range(0, t.MeetingCount).Where(m => !t.Pinned[m] && t.Candidates[m].Length > 0).ToList();
        var (flowBound, hint, relaxed) = MeetingBound.Of(t, open, capacity);
        var upperBound = t.Placed + Math.Min(open.Count, Math.Min(SlotBound(t, open, capacity), flowBound));
        // Reaching the relaxed optimum (doubled) proves the first two criteria optimal: no need to search further.
        var goal = relaxed.Placed % 2 == 0 && relaxed.Mutual % 2 == 0 && relaxed.Score % 2 == 0
            ? (t.Placed + (relaxed.Placed / 2), t.MutualPlaced + (relaxed.Mutual / 2), t.ScoreUnits + (relaxed.Score / 2))
            : ((int, int, long)?)null;

        // The relaxed solution's meetings first, most constrained first, and chains to fit the last of them in; then
        // the others in the room left.
        var order = open.OrderByDescending(m => hint[m]).ThenBy(m => t.Candidates[m].Length)
            .ThenByDescending(m => t.Mutual[m]).ThenByDescending(m => t.Score[m]).ThenBy(m => m).ToList();
        var chainBudget = ChainBudget;
        var hinted = order.Where(m => hint[m] > 0).ToList();
        MeetingSearch.Greedy(t, hinted);
        MeetingSearch.Chains(t, hinted, ChainDepth, ref chainBudget, upperBound);
        MeetingSearch.Greedy(t, order);
        MeetingSearch.Chains(t, order, ChainDepth, ref chainBudget, upperBound);
        if ((t.Placed, t.MutualPlaced, t.ScoreUnits) != goal)
        {
            MeetingSearch.Improve(t, Math.Clamp(300L * t.MeetingCount * t.SlotCount, 20_000, 1_000_000), goal);
            MeetingSearch.Chains(t, order, ChainDepth, ref chainBudget, upperBound);
        }

        MeetingGaps.Close(t, Math.Clamp(200 * t.MeetingCount, 10_000, 1_000_000));
        return Result(gathering, t, conflicts, upperBound);
    }

    /// <summary>How deep an ejection chain goes, and how many slots all chains together may try.</summary>
    private const int ChainDepth = 4;
    private const long ChainBudget = 2_000_000;

    private static (MeetingTimetable Timetable, bool[] Conflicts, bool[] Usable) Build(Gathering g)
    {
        var slotCount = g.Slots.Count;
        var sessions = g.TablesPerSession.Count;
        var session = g.Slots.Select(s => s.SessionIndex >= 0 && s.SessionIndex < sessions
            ? s.SessionIndex : throw new ArgumentException($"Slot session {s.SessionIndex} has no table count.", nameof(g))).ToArray();

        var participants = new Dictionary<Guid, int>();
        foreach (var p in g.Participants)
        {
            if (!participants.TryAdd(p.Id, participants.Count))
            {
                throw new ArgumentException($"Participant {p.Id} appears twice.", nameof(g));
            }
        }

        var usable = new bool[g.Participants.Count * slotCount];
        for (var p = 0; p < g.Participants.Count; p++)
        {
            for (var s = 0; s < slotCount; s++)
            {
                usable[(p * slotCount) + s] = g.Participants[p].Sessions.Contains(session[s])
                    && g.Participants[p].UnavailableSlots?.Contains(s) != true;
            }
        }

        var meetingCount = g.Meetings.Count;
        var (a, b) = (new int[meetingCount], new int[meetingCount]);
        var (mutual, pinned) = (new bool[meetingCount], new bool[meetingCount]);
        var score = new long[meetingCount];
        var ids = new HashSet<Guid>();
        for (var m = 0; m < meetingCount; m++)
        {
            var meeting = g.Meetings[m];
            if (!ids.Add(meeting.Id) || meeting.A == meeting.B || meeting.Score is not (>= 0 and <= 1)
                || !participants.TryGetValue(meeting.A, out a[m]) || !participants.TryGetValue(meeting.B, out b[m])
                || meeting.Pinned is { } pin && (pin.Slot < 0 || pin.Slot >= slotCount || pin.Table < 0))
            {
                throw new ArgumentException($"Meeting {meeting.Id} is a duplicate, has unknown or identical sides, a score outside 0–1 or a pinned slot that does not exist.", nameof(g));
            }

            mutual[m] = meeting.Mutual;
            score[m] = (long)Math.Round(meeting.Score * MeetingTimetable.ScoreUnit);
            pinned[m] = meeting.Pinned is not null;
        }

        // Pinned meetings first: they take their tables, and every rule they break makes them conflicts.
        var conflicts = new bool[meetingCount];
        var tableTaken = new Dictionary<(int Slot, int Table), int>();
        var seatTaken = new Dictionary<(int Participant, int Slot), int>();
        var freeTables = session.Select(k => g.TablesPerSession[k]).ToArray();
        for (var m = 0; m < meetingCount; m++)
        {
            if (g.Meetings[m].Pinned is not { } pin)
            {
                continue;
            }

            if (pin.Table >= g.TablesPerSession[session[pin.Slot]])
            {
                conflicts[m] = true;
            }
            else if (tableTaken.TryGetValue((pin.Slot, pin.Table), out var other))
            {
                conflicts[m] = conflicts[other] = true;
            }
            else
            {
                tableTaken[(pin.Slot, pin.Table)] = m;
                freeTables[pin.Slot]--;
            }

            ReadOnlySpan<int> sides = [a[m], b[m]];
            foreach (var p in sides)
            {
                if (!usable[(p * slotCount) + pin.Slot])
                {
                    conflicts[m] = true;
                }

                if (seatTaken.TryGetValue((p, pin.Slot), out var clash))
                {
                    conflicts[m] = conflicts[clash] = true;
                }
                else
                {
                    seatTaken[(p, pin.Slot)] = m;
                }
            }
        }

        var maxMeetings = g.Participants.Select(p => p.MaxMeetings).ToArray();
        var candidates = new int[meetingCount][];
        var t = new MeetingTimetable(session, freeTables, sessions, a, b, mutual, score, pinned, maxMeetings, g.MaxConsecutive, candidates);
        for (var m = 0; m < meetingCount; m++)
        {
            if (pinned[m])
            {
                t.PlacePinned(m, g.Meetings[m].Pinned!.Slot);
            }
        }

        for (var m = 0; m < meetingCount; m++)
        {
            candidates[m] = pinned[m] || maxMeetings[a[m]] <= 0 || maxMeetings[b[m]] <= 0 ? [] : [.. Enumerable.Range(0, slotCount).Where(s =>
                freeTables[s] > 0 && usable[(a[m] * slotCount) + s] && usable[(b[m] * slotCount) + s] && t.At(a[m], s) < 0 && t.At(b[m], s) < 0)];
        }

        MarkCountAndRunConflicts(t, conflicts);
        return (t, conflicts, usable);
    }

    /// <summary>Pinned meetings of a participant pinned over their maximum, or in a run longer than allowed, are all
    /// conflicts: together they break the rule.</summary>
    private static void MarkCountAndRunConflicts(MeetingTimetable t, bool[] conflicts)
    {
        var ofParticipant = Enumerable.Range(0, t.ParticipantCount).Select(_ => new List<int>()).ToArray();
        for (var m = 0; m < t.MeetingCount; m++)
        {
            if (t.Pinned[m])
            {
                ofParticipant[t.A[m]].Add(m);
                ofParticipant[t.B[m]].Add(m);
            }
        }

        for (var p = 0; p < t.ParticipantCount; p++)
        {
            if (ofParticipant[p].Count > t.MaxMeetings[p])
            {
                ofParticipant[p].ForEach(m => conflicts[m] = true);
            }

            foreach (var slots in t.SessionSlots)
            {
                var run = new List<int>();
                foreach (var s in slots.Append(-1))
                {
                    if (s >= 0 && t.At(p, s) >= 0)
                    {
                        run.Add(s);
                        continue;
                    }

                    if (run.Count > t.MaxRun)
                    {
                        ofParticipant[p].Where(m => run.Contains(t.SlotOf[m])).ToList().ForEach(m => conflicts[m] = true);
                    }

                    run.Clear();
                }
            }
        }
    }

    /// <summary>What the slots can hold: each slot at most its free tables, the meetings that may take it, and half
    /// the participants who may be in it.</summary>
    private static int SlotBound(MeetingTimetable t, List<int> open, int[] capacity)
    {
        var meetings = new int[t.SlotCount];
        var people = new HashSet<int>[t.SlotCount];
        for (var s = 0; s < t.SlotCount; s++)
        {
            people[s] = [];
        }

        foreach (var m in open.Where(m => capacity[t.A[m]] > 0 && capacity[t.B[m]] > 0))
        {
            foreach (var s in t.Candidates[m])
            {
                meetings[s]++;
                people[s].Add(t.A[m]);
                people[s].Add(t.B[m]);
            }
        }

        return Enumerable.Range(0, t.SlotCount).Sum(s => Math.Min(t.FreeTables[s], Math.Min(meetings[s], people[s].Count / 2)));
    }

    /// <summary>The most meetings <paramref name="p"/> can have in the slots left free for them, breaks included.</summary>
    private static int SlotCapacity(MeetingTimetable t, int p, bool[] usable)
    {
        var capacity = 0;
        foreach (var slots in t.SessionSlots)
        {
            var run = 0;
            foreach (var s in slots.Append(-1))
            {
                if (s >= 0 && usable[(p * t.SlotCount) + s] && t.At(p, s) < 0)
                {
                    run++;
                    continue;
                }

                capacity += t.MaxRun == int.MaxValue ? run : run - (run / (t.MaxRun + 1));
                run = 0;
            }
        }

        return capacity;
    }

    private static Schedule Result(Gathering g, MeetingTimetable t, bool[] conflicts, int upperBound)
    {
        var taken = new HashSet<(int Slot, int Table)>();
        for (var m = 0; m < t.MeetingCount; m++)
        {
            if (g.Meetings[m].Pinned is { } pin)
            {
                taken.Add((pin.Slot, pin.Table));
            }
        }

        var placements = new Dictionary<Guid, Placement>();
        var unplaced = new List<Guid>();
        var scoreSum = 0.0;
        for (var m = 0; m < t.MeetingCount; m++)
        {
            var meeting = g.Meetings[m];
            var s = t.SlotOf[m];
            if (s < 0)
            {
                unplaced.Add(meeting.Id);
                continue;
            }

            var table = meeting.Pinned?.Table ?? 0;
            if (meeting.Pinned is null)
            {
                while (!taken.Add((s, table)))
                {
                    table++;
                }
            }

            placements[meeting.Id] = new Placement(s, table);
            scoreSum += meeting.Score;
        }

        var gaps = Enumerable.Range(0, t.ParticipantCount).Sum(t.Gaps);
        var pinnedConflicts = Enumerable.Range(0, t.MeetingCount).Where(m => conflicts[m]).Select(m => g.Meetings[m].Id).ToList();
        return new Schedule(placements, unplaced, pinnedConflicts, t.Placed, t.MutualPlaced, scoreSum, gaps, upperBound);
    }
}
