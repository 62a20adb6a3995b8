namespace Registry.Api.Gatherings;

/// <summary>The scheduler's last pass (<see cref="MeetingScheduler"/>): fewer idle gaps without changing which
/// meetings are placed.</summary>
internal static class MeetingGaps
{
    /// <summary>
    /// Closes idle gaps with Kempe chains: a placed unpinned meeting and another slot give the chain of meetings in the
    /// two slots linked through shared participants; swapping the chain's two slots keeps everyone in one meeting at a
    /// time, and the swap is kept when every rule still holds and the gaps of everyone involved go down. The placed set
    /// never changes, so neither do the counts, mutual requests or scores. Repeats until nothing improves or
    /// <paramref name="budget"/> (slots tried) is spent.
    /// </summary>
    public static void Close(MeetingTimetable t, long budget)
    {
        var chain = new List<(int Meeting, int From)>();
        var involved = new List<int>();
        for (var improved = true; improved && budget > 0;)
        {
            improved = false;
            for (var m = 0; m < t.MeetingCount && budget > 0; m++)
            {
                if (t.Pinned[m] || t.SlotOf[m] < 0)
                {
                    continue;
                }

                foreach (var s in t.Candidates[m])
                {
                    if (s != t.SlotOf[m] && budget-- > 0 && KempeChain(t, m, s, chain) && Swap(t, chain, s, involved))
                    {
                        improved = true;
                    }
                }
            }
        }
    }

    /// <summary>The most meetings a Kempe chain may hold: longer ones rarely pass every rule, and cost the most.</summary>
    private const int MaxChain = 16;

    /// <summary>The meetings in <paramref name="m"/>'s slot and <paramref name="other"/> linked to <paramref name="m"/>
    /// through shared participants, with their slots; false when one is pinned or there are too many.</summary>
    private static bool KempeChain(MeetingTimetable t, int m, int other, List<(int Meeting, int From)> chain)
    {
        chain.Clear();
        chain.Add((m, t.SlotOf[m]));
        for (var i = 0; i < chain.Count; i++)
        {
            var (x, from) = chain[i];
            var to = from == other ? chain[0].From : other;
            ReadOnlySpan<int> sides = [t.A[x], t.B[x]];
            foreach (var p in sides)
            {
                var there = t.At(p, to);
                if (there < 0 || OnChain(chain, there))
                {
                    continue;
                }

                if (t.Pinned[there] || chain.Count == MaxChain)
                {
                    return false;
                }

                chain.Add((there, to));
            }
        }

        return true;
    }

    private static bool OnChain(List<(int Meeting, int From)> chain, int m)
    {
        foreach (var (x, _) in chain)
        {
            if (x == m)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Swaps the chain's two slots when every rule holds after and the involved participants' gaps go down;
    /// otherwise puts everything back.</summary>
    private static bool Swap(MeetingTimetable t, List<(int Meeting, int From)> chain, int other, List<int> involved)
    {
        involved.Clear();
        foreach (var (x, _) in chain)
        {
            AddOnce(involved, t.A[x]);
            AddOnce(involved, t.B[x]);
        }

        var before = involved.Sum(t.Gaps);
        var first = chain[0].From;
        foreach (var (x, _) in chain)
        {
            t.Remove(x);
        }

        var placed = 0;
        foreach (var (x, from) in chain)
        {
            var to = from == first ? other : first;
            if (!t.Fits(x, to))
            {
                break;
            }

            t.Place(x, to);
            placed++;
        }

        if (placed == chain.Count && involved.Sum(t.Gaps) < before)
        {
            return true;
        }

        foreach (var (x, _) in chain)
        {
            if (t.SlotOf[x] >= 0)
            {
                t.Remove(x);
            }
        }

        foreach (var (x, from) in chain)
        {
            t.Place(x, from);
        }

        return false;
    }

    private static void AddOnce(List<int> list, int p)
    {
        if (!list.Contains(p))
        {
            list.Add(p);
        }
    }
}
