namespace Registry.Api.Gatherings;

/// <summary>
/// The scheduler's searches for placements over a <see cref="MeetingTimetable"/> (<see cref="MeetingScheduler"/>): a
/// greedy construction; ejection chains that fit one more meeting in by moving others; and a tabu search that trades
/// meetings in and out for more placed, then more mutual requests and score (the gaps are <see cref="MeetingGaps"/>').
/// Every budget is counted in slots tried, never in time, and the only randomness is a generator with a fixed seed:
/// the same input gives the same result.
/// </summary>
internal static class MeetingSearch
{
    /// <summary>Places each meeting of <paramref name="order"/> in turn where it fits, in the slot that adds the fewest
    /// idle gaps for its two sides, then the emptiest slot, then the earliest.</summary>
    public static void Greedy(MeetingTimetable t, IEnumerable<int> order)
    {
        foreach (var m in order)
        {
            if (t.SlotOf[m] < 0 && BestFit(t, m) is var s and >= 0)
            {
                t.Place(m, s);
            }
        }
    }

    /// <summary>
    /// Ejection chains: tries to place each unplaced meeting of <paramref name="order"/> whose sides are both below
    /// their maximum, where it fits or else in a slot where at most two meetings are in the way, which are then placed
    /// the same way, up to <paramref name="depth"/> levels down (deepening one level at a time). A chain that does not
    /// end in free slots is undone, so every success places one more meeting, moves others, and loses none.
    /// <paramref name="budget"/> counts the slots tried, at most <see cref="ChainTries"/> for one meeting in a first
    /// round and ten times more, one level deeper, in a second; stops when
    /// <paramref name="bound"/> meetings are placed.
    /// </summary>
    public static void Chains(MeetingTimetable t, IReadOnlyList<int> order, int depth, ref long budget, int bound)
    {
        var chain = new Chain(t);
        ReadOnlySpan<long> rounds = [ChainTries, 10 * ChainTries];
        foreach (var tries in rounds)
        {
            depth += tries > ChainTries ? 1 : 0;
            foreach (var m in order)
            {
                if (budget <= 0 || t.Placed >= bound)
                {
                    return;
                }

                if (t.Pinned[m] || t.SlotOf[m] >= 0 || t.Count(t.A[m]) >= t.MaxMeetings[t.A[m]] || t.Count(t.B[m]) >= t.MaxMeetings[t.B[m]])
                {
                    continue;
                }

                chain.Budget = Math.Min(budget, tries);
                var before = chain.Budget;
                for (var d = 0; d <= depth && t.SlotOf[m] < 0 && chain.Budget > 0; d++)
                {
                    chain.Start(m, d);
                }

                budget -= before - chain.Budget;
            }
        }
    }

    /// <summary>The most slots the chains for one meeting may try in the first round (ten times more in the second):
    /// most meetings that fit at all fit in far fewer, and the budget is better spent on the others first.</summary>
    private const long ChainTries = 20_000;

    /// <summary>One ejection-chain search: the meetings on the current chain, and a journal of every move to undo a
    /// branch that failed.</summary>
    private sealed class Chain(MeetingTimetable t)
    {
        private const int MaxEvicted = 2;
        private readonly bool[] _onChain = new bool[t.MeetingCount];
        private readonly List<(int Meeting, int Slot)> _journal = [];

        public long Budget { get; set; }

        public void Start(int m, int depth)
        {
            _onChain[m] = true;
            _journal.Clear();
            Insert(m, depth);
            _onChain[m] = false;
        }

        private bool Insert(int m, int depth)
        {
            Budget -= t.Candidates[m].Length;
            if (BestFit(t, m) is var free and >= 0)
            {
                Place(m, free);
                return true;
            }

            if (depth == 0)
            {
                return false;
            }

            var evict = new List<int>(4);
            Span<int> evicted = stackalloc int[MaxEvicted];
            foreach (var s in t.Candidates[m])
            {
                if (Budget-- <= 0)
                {
                    return false;
                }

                if (!t.Evictions(m, s, evict) || evict.Count > MaxEvicted || evict.Exists(e => _onChain[e]))
                {
                    continue;
                }

                var count = evict.Count;
                evict.CopyTo(evicted);
                var mark = _journal.Count;
                foreach (var e in evicted[..count])
                {
                    _onChain[e] = true;
                    Remove(e);
                }

                Place(m, s);
                var done = true;
                foreach (var e in evicted[..count])
                {
                    done = done && Insert(e, depth - 1);
                }

                foreach (var e in evicted[..count])
                {
                    _onChain[e] = false;
                }

                if (done)
                {
                    return true;
                }

                Undo(mark);
            }

            return false;
        }

        private void Place(int m, int s)
        {
            t.Place(m, s);
            _journal.Add((m, -1));
        }

        private void Remove(int m)
        {
            _journal.Add((m, t.SlotOf[m]));
            t.Remove(m);
        }

        /// <summary>Undoes the moves after <paramref name="mark"/>, latest first.</summary>
        private void Undo(int mark)
        {
            for (var i = _journal.Count - 1; i >= mark; i--)
            {
                var (m, slot) = _journal[i];
                if (slot < 0)
                {
                    t.Remove(m);
                }
                else
                {
                    t.Place(m, slot);
                }
            }

            _journal.RemoveRange(mark, _journal.Count - mark);
        }
    }

    /// <summary>The slot where unplaced meeting <paramref name="m"/> fits that adds the fewest idle gaps for its two
    /// sides, then the emptiest, then the earliest; −1 when it fits nowhere.</summary>
    private static int BestFit(MeetingTimetable t, int m)
    {
        int bestSlot = -1, bestGaps = int.MaxValue, bestLoad = int.MaxValue;
        int a = t.A[m], b = t.B[m];
        var before = -1;
        foreach (var s in t.Candidates[m])
        {
            if (!t.Fits(m, s))
            {
                continue;
            }

            before = before < 0 ? t.Gaps(a) + t.Gaps(b) : before;
            t.Place(m, s);
            var gaps = t.Gaps(a) + t.Gaps(b) - before;
            t.Remove(m);
            var load = t.Load(s) * 1000 / t.FreeTables[s];
            if (gaps < bestGaps || (gaps == bestGaps && load < bestLoad))
            {
                (bestSlot, bestGaps, bestLoad) = (s, gaps, load);
            }
        }

        return bestSlot;
    }

    /// <summary>
    /// Tabu search on partial schedules (after PartialCol for graph colouring): each step takes a few unplaced
    /// meetings, tries each in each of its slots with the evictions that needs (<see cref="MeetingTimetable.Evictions"/>),
    /// and makes the best move that is not tabu, even a worse one; an evicted meeting may not go back to its slot for a
    /// while. The best schedule seen (placed, then mutual, then score) is restored at the end, and also after a long
    /// run without improvement. <paramref name="budget"/> counts the slots tried; stops early when everything is
    /// placed or the <paramref name="goal"/> (an optimum) is reached.
    /// </summary>
    public static void Improve(MeetingTimetable t, long budget, (int Placed, int Mutual, long Score)? goal)
    {
        var pool = new List<int>();
        var where = new int[t.MeetingCount];
        for (var m = 0; m < t.MeetingCount; m++)
        {
            if (!t.Pinned[m] && t.SlotOf[m] < 0 && t.Candidates[m].Length > 0)
            {
                where[m] = pool.Count;
                pool.Add(m);
            }
        }

        var best = Snapshot(t);
        var bestValue = Value(t);
        var tabu = new int[t.MeetingCount * t.SlotCount];
        var random = new SplitMix(0x5EED_0F_3EE7_1265UL ^ (ulong)t.MeetingCount);
        var evict = new List<int>();
        var chosen = new List<int>();
        var sinceBest = 0;
        for (var step = 1; budget > 0 && pool.Count > 0 && bestValue != goal; step++)
        {
            var current = Value(t);
            (int Placed, int Mutual, long Score) bestDelta = (int.MinValue, 0, 0);
            int moveMeeting = -1, moveSlot = -1, ties = 0;
            // The meetings evicted by the last move first (an ejection chain goes on from them), then a few at random.
            var samples = Math.Min(pool.Count, SampleSize);
            for (var k = -chosen.Count; k < samples; k++)
            {
                var m = k < 0 ? chosen[-k - 1] : samples == pool.Count ? pool[k] : pool[random.Next(pool.Count)];
                budget -= t.Candidates[m].Length;
                foreach (var s in t.Candidates[m])
                {
                    if (!t.Evictions(m, s, evict))
                    {
                        continue;
                    }

                    var delta = (Placed: 1 - evict.Count, Mutual: t.Mutual[m] ? 1 : 0, Score: t.Score[m]);
                    foreach (var e in evict)
                    {
                        delta.Mutual -= t.Mutual[e] ? 1 : 0;
                        delta.Score -= t.Score[e];
                    }

                    var aspires = Compare(Add(current, delta), bestValue) > 0;
                    if (tabu[(m * t.SlotCount) + s] > step && !aspires)
                    {
                        continue;
                    }

                    var order = Compare(delta, bestDelta);
                    if (order > 0 || (order == 0 && random.Next(++ties) == 0))
                    {
                        ties = order > 0 ? 1 : ties;
                        (bestDelta, moveMeeting, moveSlot) = (delta, m, s);
                    }
                }
            }

            if (moveMeeting < 0)
            {
                continue;
            }

            t.Evictions(moveMeeting, moveSlot, chosen);
            foreach (var e in chosen)
            {
                tabu[(e * t.SlotCount) + t.SlotOf[e]] = step + 7 + random.Next(10);
                t.Remove(e);
                where[e] = pool.Count;
                pool.Add(e);
            }

            t.Place(moveMeeting, moveSlot);
            var last = pool[^1];
            pool[where[moveMeeting]] = last;
            where[last] = where[moveMeeting];
            pool.RemoveAt(pool.Count - 1);

            if (Compare(Value(t), bestValue) > 0)
            {
                (best, bestValue, sinceBest) = (Snapshot(t), Value(t), 0);
                if (pool.Count == 0)
                {
                    break;
                }
            }
            else if (++sinceBest >= Restart)
            {
                Restore(t, best);
                chosen.Clear();
                pool.Clear();
                for (var m = 0; m < t.MeetingCount; m++)
                {
                    if (!t.Pinned[m] && t.SlotOf[m] < 0 && t.Candidates[m].Length > 0)
                    {
                        where[m] = pool.Count;
                        pool.Add(m);
                    }
                }

                sinceBest = 0;
            }
        }

        Restore(t, best);
    }

    private const int SampleSize = 6;
    private const int Restart = 2000;

    private static (int Placed, int Mutual, long Score) Value(MeetingTimetable t) => (t.Placed, t.MutualPlaced, t.ScoreUnits);

    private static (int Placed, int Mutual, long Score) Add((int Placed, int Mutual, long Score) x, (int Placed, int Mutual, long Score) y) =>
        (x.Placed + y.Placed, x.Mutual + y.Mutual, x.Score + y.Score);

    private static int Compare((int Placed, int Mutual, long Score) x, (int Placed, int Mutual, long Score) y) =>
        x.Placed != y.Placed ? x.Placed.CompareTo(y.Placed) : x.Mutual != y.Mutual ? x.Mutual.CompareTo(y.Mutual) : x.Score.CompareTo(y.Score);

    private static int[] Snapshot(MeetingTimetable t) => (int[])t.SlotOf.Clone();

    private static void Restore(MeetingTimetable t, int[] slots)
    {
        for (var m = 0; m < t.MeetingCount; m++)
        {
            if (!t.Pinned[m] && t.SlotOf[m] >= 0 && t.SlotOf[m] != slots[m])
            {
                t.Remove(m);
            }
        }

        for (var m = 0; m < t.MeetingCount; m++)
        {
            if (!t.Pinned[m] && slots[m] >= 0 && t.SlotOf[m] != slots[m])
            {
                t.Place(m, slots[m]);
            }
        }
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose sequence depends on its seed alone.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)((z >> 33) % (ulong)bound);
        }
    }
}
