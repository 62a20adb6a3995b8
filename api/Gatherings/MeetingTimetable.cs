namespace Registry.Api.Gatherings;

/// <summary>
/// The scheduler's working state (<see cref="MeetingScheduler"/>): who is busy in which slot, how many tables each slot
/// has left, each participant's count, and the running objective. Every change goes through <see cref="Place"/> and
/// <see cref="Remove"/>, and <see cref="Evictions"/> says which unpinned meetings must leave for a meeting to take a
/// slot without breaking a hard rule, so the state is always a valid schedule. Indices, not ids: participants, meetings
/// and slots are numbered in input order. Scores are kept in millionths, so that sums compare exactly.
/// </summary>
internal sealed class MeetingTimetable
{
    public const long ScoreUnit = 1_000_000;

    public int SlotCount { get; }
    public int ParticipantCount { get; }
    public int MeetingCount { get; }

    /// <summary>Per slot: its session, the slot before and after it in that session (or −1), and the tables left
    /// for unpinned meetings once pinned ones took theirs.</summary>
    public int[] Session { get; }
    public int[] Previous { get; }
    public int[] Next { get; }
    public int[] FreeTables { get; }

    /// <summary>Per session: its slots in time order.</summary>
    public int[][] SessionSlots { get; }

    public int[] A { get; }
    public int[] B { get; }
    public bool[] Mutual { get; }
    public long[] Score { get; }
    public bool[] Pinned { get; }
    public int[] MaxMeetings { get; }

    /// <summary>The longest run of meetings in adjacent slots; <see cref="int.MaxValue"/> when there is no limit.</summary>
    public int MaxRun { get; }

    /// <summary>Per unpinned meeting: the slots it may take at all (both sides attend the session and are available,
    /// and the slot has a table left after the pinned ones), in slot order.</summary>
    public int[][] Candidates { get; }

    /// <summary>Per meeting: its slot, or −1 while unplaced.</summary>
    public int[] SlotOf { get; }

    public int Placed { get; private set; }
    public int MutualPlaced { get; private set; }
    public long ScoreUnits { get; private set; }

    private readonly int[] _busy;
    private readonly int[] _count;
    private readonly List<int>[] _members;
    private readonly int[] _memberIndex;

    public MeetingTimetable(int[] session, int[] freeTables, int sessions, int[] a, int[] b, bool[] mutual, long[] score,
        bool[] pinned, int[] maxMeetings, int maxConsecutive, int[][] candidates)
    {
        SlotCount = session.Length;
        ParticipantCount = maxMeetings.Length;
        MeetingCount = a.Length;
        Session = session;
        FreeTables = freeTables;
        (A, B, Mutual, Score, Pinned, MaxMeetings, Candidates) = (a, b, mutual, score, pinned, maxMeetings, candidates);
        MaxRun = maxConsecutive <= 0 ? int.MaxValue : maxConsecutive;

        SessionSlots = new int[sessions][];
        var slots = Enumerable.Range(0, sessions).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < SlotCount; s++)
        {
            slots[session[s]].Add(s);
        }

        Previous = new int[SlotCount];
        Next = new int[SlotCount];
        for (var k = 0; k < sessions; k++)
        {
            SessionSlots[k] = [.. slots[k]];
            for (var i = 0; i < slots[k].Count; i++)
            {
                Previous[slots[k][i]] = i > 0 ? slots[k][i - 1] : -1;
                Next[slots[k][i]] = i + 1 < slots[k].Count ? slots[k][i + 1] : -1;
            }
        }

        SlotOf = new int[MeetingCount];
        Array.Fill(SlotOf, -1);
        _busy = new int[ParticipantCount * SlotCount];
        Array.Fill(_busy, -1);
        _count = new int[ParticipantCount];
        _members = Enumerable.Range(0, SlotCount).Select(_ => new List<int>()).ToArray();
        _memberIndex = new int[MeetingCount];
    }

    /// <summary>The meeting participant <paramref name="p"/> has in slot <paramref name="s"/>, or −1.</summary>
    public int At(int p, int s) => _busy[(p * SlotCount) + s];

    public int Count(int p) => _count[p];

    /// <summary>Unpinned meetings in slot <paramref name="s"/>.</summary>
    public int Load(int s) => _members[s].Count;

    /// <summary>Keeps a pinned meeting where it is, whatever it breaks (the caller reports that); a slot already
    /// taken by another pinned meeting of the same participant stays marked busy.</summary>
    public void PlacePinned(int m, int s)
    {
        SlotOf[m] = s;
        ReadOnlySpan<int> sides = [A[m], B[m]];
        foreach (var p in sides)
        {
            ref var busy = ref _busy[(p * SlotCount) + s];
            if (busy < 0)
            {
                busy = m;
            }

            _count[p]++;
        }

        Tally(m, 1);
    }

    public void Place(int m, int s)
    {
        SlotOf[m] = s;
        _busy[(A[m] * SlotCount) + s] = m;
        _busy[(B[m] * SlotCount) + s] = m;
        _count[A[m]]++;
        _count[B[m]]++;
        _memberIndex[m] = _members[s].Count;
        _members[s].Add(m);
        Tally(m, 1);
    }

    public void Remove(int m)
    {
        var s = SlotOf[m];
        SlotOf[m] = -1;
        _busy[(A[m] * SlotCount) + s] = -1;
        _busy[(B[m] * SlotCount) + s] = -1;
        _count[A[m]]--;
        _count[B[m]]--;
        var members = _members[s];
        var last = members[^1];
        members[_memberIndex[m]] = last;
        _memberIndex[last] = _memberIndex[m];
        members.RemoveAt(members.Count - 1);
        Tally(m, -1);
    }

    /// <summary>True when unplaced meeting <paramref name="m"/> can take slot <paramref name="s"/> with nobody leaving.</summary>
    public bool Fits(int m, int s)
    {
        int a = A[m], b = B[m];
        return Array.BinarySearch(Candidates[m], s) >= 0 && At(a, s) < 0 && At(b, s) < 0 && Load(s) < FreeTables[s]
            && _count[a] < MaxMeetings[a] && _count[b] < MaxMeetings[b]
            && RunWith(a, s) <= MaxRun && RunWith(b, s) <= MaxRun;
    }

    /// <summary>
    /// Fills <paramref name="evict"/> with the unpinned meetings that must leave so that unplaced meeting
    /// <paramref name="m"/> can take candidate slot <paramref name="s"/>: the sides' meetings in that slot, the
    /// cheapest meeting there when no table is left, a meeting on either side of the new run when it would be too
    /// long, and the cheapest other meeting of a side at its maximum. False when only a pinned meeting could make room.
    /// </summary>
    public bool Evictions(int m, int s, List<int> evict)
    {
        evict.Clear();
        int a = A[m], b = B[m];
        ReadOnlySpan<int> sides = [a, b];
        foreach (var p in sides)
        {
            var there = At(p, s);
            if (there >= 0 && !evict.Contains(there))
            {
                if (Pinned[there])
                {
                    return false;
                }

                evict.Add(there);
            }
        }

        if (Load(s) - evict.Count >= FreeTables[s])
        {
            var cheapest = -1;
            foreach (var other in _members[s])
            {
                if (!evict.Contains(other) && (cheapest < 0 || Cheaper(other, cheapest)))
                {
                    cheapest = other;
                }
            }

            if (cheapest < 0)
            {
                return false;
            }

            evict.Add(cheapest);
        }

        return CutRun(a, s, evict) && MakeRoom(a, s, evict) && CutRun(b, s, evict) && MakeRoom(b, s, evict);
    }

    /// <summary>Lower value first: not mutual before mutual, then lower score, then the later meeting.</summary>
    public bool Cheaper(int x, int y) =>
        Mutual[x] != Mutual[y] ? !Mutual[x] : Score[x] != Score[y] ? Score[x] < Score[y] : x > y;

    /// <summary>The idle slots of participant <paramref name="p"/>: in each session, the empty slots between their
    /// first and last meeting.</summary>
    public int Gaps(int p)
    {
        var gaps = 0;
        foreach (var slots in SessionSlots)
        {
            int first = -1, last = -1, busy = 0;
            for (var i = 0; i < slots.Length; i++)
            {
                if (At(p, slots[i]) >= 0)
                {
                    first = first < 0 ? i : first;
                    last = i;
                    busy++;
                }
            }

            gaps += first < 0 ? 0 : last - first + 1 - busy;
        }

        return gaps;
    }

    /// <summary>The length of the run of meetings <paramref name="p"/> would have through free slot <paramref name="s"/>.</summary>
    private int RunWith(int p, int s)
    {
        if (MaxRun == int.MaxValue)
        {
            return 1;
        }

        var run = 1;
        for (var t = Previous[s]; t >= 0 && At(p, t) >= 0 && run <= MaxRun; t = Previous[t])
        {
            run++;
        }

        for (var t = Next[s]; t >= 0 && At(p, t) >= 0 && run <= MaxRun; t = Next[t])
        {
            run++;
        }

        return run;
    }

    private bool BusyAfter(int p, int t, List<int> evict)
    {
        var there = At(p, t);
        return there >= 0 && !evict.Contains(there);
    }

    /// <summary>
    /// When the run through <paramref name="s"/> would be too long, evicts the meeting that ends it on the left and/or
    /// on the right: fewest evictions first, then the cheapest. Runs elsewhere only get shorter.
    /// </summary>
    private bool CutRun(int p, int s, List<int> evict)
    {
        if (MaxRun == int.MaxValue)
        {
            return true;
        }

        Span<int> left = stackalloc int[Math.Min(MaxRun, SlotCount)];
        Span<int> right = stackalloc int[Math.Min(MaxRun, SlotCount)];
        var nLeft = Walk(p, s, Previous, evict, left);
        var nRight = Walk(p, s, Next, evict, right);
        if (nLeft + nRight + 1 <= MaxRun)
        {
            return true;
        }

        // Cutting at distance i (1-based) leaves i − 1 meetings on that side; not cutting leaves them all, which is
        // only possible when the walk stopped at a free slot (fewer than MaxRun busy ones).
        int bestLeft = -1, bestRight = -1, bestCuts = int.MaxValue;
        for (var i = 0; i <= nLeft; i++)
        {
            var keptLeft = i == 0 ? nLeft : i - 1;
            if ((i == 0 && nLeft >= MaxRun) || (i > 0 && Pinned[left[i - 1]]))
            {
                continue;
            }

            for (var j = 0; j <= nRight; j++)
            {
                var keptRight = j == 0 ? nRight : j - 1;
                if ((j == 0 && nRight >= MaxRun) || (j > 0 && Pinned[right[j - 1]]) || keptLeft + keptRight + 1 > MaxRun)
                {
                    continue;
                }

                var cuts = (i > 0 ? 1 : 0) + (j > 0 ? 1 : 0);
                if (cuts < bestCuts || (cuts == bestCuts && CheaperCut(i, j, bestLeft, bestRight, left, right)))
                {
                    (bestLeft, bestRight, bestCuts) = (i, j, cuts);
                }
            }
        }

        if (bestCuts == int.MaxValue)
        {
            return false;
        }

        if (bestLeft > 0)
        {
            evict.Add(left[bestLeft - 1]);
        }

        if (bestRight > 0)
        {
            evict.Add(right[bestRight - 1]);
        }

        return true;
    }

    private bool CheaperCut(int i, int j, int bestI, int bestJ, Span<int> left, Span<int> right)
    {
        var (mutual, score) = Value(i > 0 ? left[i - 1] : -1, j > 0 ? right[j - 1] : -1);
        var (bestMutual, bestScore) = Value(bestI > 0 ? left[bestI - 1] : -1, bestJ > 0 ? right[bestJ - 1] : -1);
        return mutual != bestMutual ? mutual < bestMutual : score < bestScore;
    }

    private (int Mutual, long Score) Value(int x, int y) =>
        ((x >= 0 && Mutual[x] ? 1 : 0) + (y >= 0 && Mutual[y] ? 1 : 0), (x >= 0 ? Score[x] : 0) + (y >= 0 ? Score[y] : 0));

    /// <summary>The meetings of <paramref name="p"/> in adjacent slots from <paramref name="s"/> in one direction, at
    /// most <see cref="MaxRun"/> of them.</summary>
    private int Walk(int p, int s, int[] step, List<int> evict, Span<int> found)
    {
        var n = 0;
        for (var t = step[s]; t >= 0 && n < found.Length && BusyAfter(p, t, evict); t = step[t])
        {
            found[n++] = At(p, t);
        }

        return n;
    }

    /// <summary>When <paramref name="p"/> would go over their maximum, evicts their cheapest other unpinned meetings.</summary>
    private bool MakeRoom(int p, int s, List<int> evict)
    {
        var count = _count[p] + 1;
        foreach (var e in evict)
        {
            if (A[e] == p || B[e] == p)
            {
                count--;
            }
        }

        while (count > MaxMeetings[p])
        {
            var cheapest = -1;
            for (var t = 0; t < SlotCount; t++)
            {
                var there = At(p, t);
                if (t != s && there >= 0 && !Pinned[there] && !evict.Contains(there) && (cheapest < 0 || Cheaper(there, cheapest)))
                {
                    cheapest = there;
                }
            }

            if (cheapest < 0)
            {
                return false;
            }

            evict.Add(cheapest);
            count--;
        }

        return true;
    }

    private void Tally(int m, int sign)
    {
        Placed += sign;
        MutualPlaced += Mutual[m] ? sign : 0;
        ScoreUnits += sign * Score[m];
    }
}
