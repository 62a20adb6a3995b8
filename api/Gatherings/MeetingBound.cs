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
    /// The bound on how many of <paramref name="meetings"/> can be placed together, and per meeting how much of it the
    /// best relaxed solution uses (0, 1 or 2: twice its share, so that both graphs read the same).
    /// </summary>
    public static (int Bound, int[] Hint) Of(MeetingTimetable t, IReadOnlyList<int> meetings, int[] capacity)
    {
        var side = Sides(t, meetings, capacity.Length);
        var bipartite = side is not null;
        var n = capacity.Length;
        // Nodes: 0 source, 1 sink, 2 + p the participant (the left copy), 2 + n + p its right copy.
        var flow = new Flow(2 + (bipartite ? n : 2 * n));
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

        // Lexicographic weights: one mutual request outweighs every score together.
        var mutualWeight = meetings.Sum(m => t.Score[m]) + 1;
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
        for (var i = 0; i < meetings.Count; i++)
        {
            hint[meetings[i]] = bipartite ? 2 * flow.Used(arcs[2 * i]) : flow.Used(arcs[2 * i]) + flow.Used(arcs[(2 * i) + 1]);
        }

        return (bipartite ? total : total / 2, hint);
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

    /// <summary>Successive shortest paths with Dijkstra on reduced costs; the network has no cycle at the start, so
    /// the first potentials come from one pass in layer order (source, left, right, sink).</summary>
    private sealed class Flow(int nodes)
    {
        private readonly List<int> _to = [], _capacity = [], _next = [];
        private readonly List<long> _cost = [];
        private readonly int[] _head = Enumerable.Repeat(-1, nodes).ToArray();

        public int Add(int from, int to, int capacity, long cost)
        {
            var arc = _to.Count;
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
                queue.Enqueue(source, 0);
                while (queue.TryDequeue(out var u, out var d))
                {
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

                if (distance[sink] == long.MaxValue)
                {
                    return total;
                }

                for (var v = 0; v < nodes; v++)
                {
                    if (distance[v] != long.MaxValue)
                    {
                        potential[v] += distance[v];
                    }
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
            _to.Add(to);
            _capacity.Add(capacity);
            _cost.Add(cost);
            _next.Add(_head[from]);
            _head[from] = _to.Count - 1;
        }
    }
}
