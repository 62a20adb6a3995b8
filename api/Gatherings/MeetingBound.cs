namespace Registry.Api.Gatherings;

/// <summary>
/// The scheduler's upper bound and its hint of which meetings to place first (<see cref="MeetingScheduler"/>). Forget
/// time and tables, and give each participant a capacity (how many more meetings they can have at most): placed
/// meetings then form a b-matching, and a min-cost max flow finds the largest one, mutual requests and then scores
/// first. When the meetings' graph is bipartite (buyers and suppliers) the flow runs on it and is exact for that
/// relaxed problem. Otherwise it runs on the bipartite double cover (each participant on both sides, each meeting both
/// ways): a b-matching of k meetings gives a flow of 2k there, so half the maximum flow still bounds the meetings.
/// </summary>
internal static class MeetingBound
{
    /// <summary>
    /// The bound on how many of <paramref name="meetings"/> can be placed together; per meeting how much of it the
    /// best relaxed solution uses (0, 1 or 2: twice its share, so that both graphs read the same); and that solution's
    /// meetings, mutual requests and score, doubled likewise. A schedule whose unpinned meetings reach all three
    /// (doubled) is optimal on the first two criteria: no schedule can do better even without time and tables.
    /// </summary>
    public static (int Bound, int[] Hint, (int Placed, int Mutual, long Score) Relaxed) Of(MeetingTimetable t, IReadOnlyList<int> meetings, int[] capacity)
    {
        var side = Sides(t, meetings, capacity.Length);
        var bipartite = side is not null;
        var n = capacity.Length;
        // Nodes: 0 source, 1 sink, 2 + p the participant (the left copy), 2 + n + p its right copy.
        var flow = new Flow(2 + (bipartite ? n : 2 * n), (2 * n) + (2 * meetings.Count));
        for (var p = 0; p < n; p++)
        {
            if (capacity[p] <= 0)
            {
                continue;
            }

            if (side is null || side[p] == 0)
            {
                flow.Add(0, 2 + p, capacity[p], 0);
            }

            if (side is null)
            {
                flow.Add(2 + n + p, 1, capacity[p], 0);
            }
            else if (side[p] == 1)
            {
                flow.Add(2 + p, 1, capacity[p], 0);
            }
        }

        // Lexicographic weights: one mutual request outweighs every score together, twice over for the double cover.
        var mutualWeight = (2 * meetings.Sum(m => t.Score[m])) + 1;
        var arcs = new int[meetings.Count * 2];
        for (var i = 0; i < meetings.Count; i++)
        {
            var m = meetings[i];
            var cost = -(t.Score[m] + (t.Mutual[m] ? mutualWeight : 0));
            int a = t.A[m], b = t.B[m];
            if (side is not null)
            {
                var (from, to) = side[a] == 0 ? (a, b) : (b, a);
                arcs[2 * i] = flow.Add(2 + from, 2 + to, 1, cost);
                arcs[(2 * i) + 1] = -1;
            }
            else
            {
                arcs[2 * i] = flow.Add(2 + a, 2 + n + b, 1, cost);
                arcs[(2 * i) + 1] = flow.Add(2 + b, 2 + n + a, 1, cost);
            }
        }

        var total = flow.MinCostMaxFlow(0, 1);
        var hint = new int[t.MeetingCount];
        var relaxed = (Placed: 0, Mutual: 0, Score: 0L);
        for (var i = 0; i < meetings.Count; i++)
        {
            var m = meetings[i];
            var used = bipartite ? 2 * flow.Used(arcs[2 * i]) : flow.Used(arcs[2 * i]) + flow.Used(arcs[(2 * i) + 1]);
            hint[m] = used;
            relaxed = (relaxed.Placed + used, relaxed.Mutual + (t.Mutual[m] ? used : 0), relaxed.Score + (used * t.Score[m]));
        }

        return (bipartite ? total : total / 2, hint, relaxed);
    }

    /// <summary>A two-colouring of the participants along the meetings, or null when there is an odd cycle.</summary>
    private static int[]? Sides(MeetingTimetable t, IReadOnlyList<int> meetings, int participants)
    {
        var neighbours = Enumerable.Range(0, participants).Select(_ => new List<int>()).ToArray();
        foreach (var m in meetings)
        {
            neighbours[t.A[m]].Add(t.B[m]);
            neighbours[t.B[m]].Add(t.A[m]);
        }

        var side = new int[participants];
        Array.Fill(side, -1);
        var queue = new Queue<int>();
        for (var start = 0; start < participants; start++)
        {
            if (side[start] >= 0)
            {
                continue;
            }

            side[start] = 0;
            queue.Enqueue(start);
            while (queue.TryDequeue(out var p))
            {
                foreach (var q in neighbours[p])
                {
                    if (side[q] < 0)
                    {
                        side[q] = 1 - side[p];
                        queue.Enqueue(q);
                    }
                    else if (side[q] == side[p])
                    {
                        return null;
                    }
                }
            }
        }

        return side;
    }

    /// <summary>Successive shortest paths with Dijkstra on reduced costs, stopped when the sink is settled (nodes not
    /// settled move their potential by the sink's distance, which keeps every reduced cost non-negative). The network
    /// has no cycle at the start, so the first potentials come from one pass in layer order.</summary>
    private sealed class Flow(int nodes, int arcs)
    {
        private readonly int[] _to = new int[2 * arcs], _capacity = new int[2 * arcs], _next = new int[2 * arcs];
        private readonly long[] _cost = new long[2 * arcs];
        private readonly int[] _head = Enumerable.Repeat(-1, nodes).ToArray();
        private int _arcs;

        public int Add(int from, int to, int capacity, long cost)
        {
            var arc = _arcs;
            Link(from, to, capacity, cost);
            Link(to, from, 0, -cost);
            return arc;
        }

        public int Used(int arc) => _capacity[arc ^ 1];

        public int MinCostMaxFlow(int source, int sink)
        {
            var potential = Potentials(source);
            var distance = new long[nodes];
            var via = new int[nodes];
            var queue = new PriorityQueue<int, long>();
            var total = 0;
            while (true)
            {
                Array.Fill(distance, long.MaxValue);
                distance[source] = 0;
                queue.Clear();
                queue.Enqueue(source, 0);
                while (queue.TryDequeue(out var u, out var d))
                {
                    if (u == sink)
                    {
                        break;
                    }

                    if (d > distance[u])
                    {
                        continue;
                    }

                    for (var arc = _head[u]; arc >= 0; arc = _next[arc])
                    {
                        var v = _to[arc];
                        var reduced = d + _cost[arc] + potential[u] - potential[v];
                        if (_capacity[arc] > 0 && reduced < distance[v])
                        {
                            distance[v] = reduced;
                            via[v] = arc;
                            queue.Enqueue(v, reduced);
                        }
                    }
                }

                var reach = distance[sink];
                if (reach == long.MaxValue)
                {
                    return total;
                }

                for (var v = 0; v < nodes; v++)
                {
                    potential[v] += Math.Min(distance[v], reach);
                }

                var push = int.MaxValue;
                for (var v = sink; v != source; v = _to[via[v] ^ 1])
                {
                    push = Math.Min(push, _capacity[via[v]]);
                }

                for (var v = sink; v != source; v = _to[via[v] ^ 1])
                {
                    _capacity[via[v]] -= push;
                    _capacity[via[v] ^ 1] += push;
                }

                total += push;
            }
        }

        /// <summary>Shortest distances from the source over arcs with capacity, by relaxing in layer order: the
        /// source's arcs, then the left nodes', then the right nodes' (arcs only go forward at the start).</summary>
        private long[] Potentials(int source)
        {
            var potential = new long[nodes];
            var reached = new bool[nodes];
            reached[source] = true;
            var layer = new List<int> { source };
            while (layer.Count > 0)
            {
                var nextLayer = new List<int>();
                foreach (var u in layer)
                {
                    for (var arc = _head[u]; arc >= 0; arc = _next[arc])
                    {
                        if (_capacity[arc] == 0)
                        {
                            continue;
                        }

                        var v = _to[arc];
                        var d = potential[u] + _cost[arc];
                        if (!reached[v])
                        {
                            reached[v] = true;
                            potential[v] = d;
                            nextLayer.Add(v);
                        }
                        else if (d < potential[v])
                        {
                            potential[v] = d;
                        }
                    }
                }

                layer = nextLayer;
            }

            return potential;
        }

        private void Link(int from, int to, int capacity, long cost)
        {
            (_to[_arcs], _capacity[_arcs], _cost[_arcs], _next[_arcs]) = (to, capacity, cost, _head[from]);
            _head[from] = _arcs++;
        }
    }
}
