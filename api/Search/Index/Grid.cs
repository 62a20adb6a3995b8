// The geographic grid: which sites lie in each 0.1° cell, and which cells a circle can reach. On its own because it
// knows only coordinates, not what the sites are; the filters and the nearest walk ask it for candidates.
namespace Registry.Api.Search.Index;

/// <summary>A site's ordinal with its coordinates, as a grid cell keeps it.</summary>
internal readonly record struct Located(int Ordinal, double Lat, double Lon);

/// <summary>The sites that have a location, by cell of <see cref="CellDegrees"/> a side (a site lies in exactly one cell).</summary>
internal sealed class Grid
{
    private const double CellDegrees = 0.1;

    // Each cell lists its sites with their coordinates, so that a radius search reads them in a row instead of
    // jumping about the coordinate columns (a cache miss per site at a million sites).
    private readonly Dictionary<(int, int), List<Located>> _cells = [];

    public void Add(int ordinal, double lat, double lon)
    {
        var cell = (Cell(lat), Cell(lon));
        if (!_cells.TryGetValue(cell, out var cellOrdinals))
        {
            _cells[cell] = cellOrdinals = [];
        }

        cellOrdinals.Add(new Located(ordinal, lat, lon));
    }

    /// <summary>Gives back what the cells reserved beyond their size (after a bulk load).</summary>
    public void Trim()
    {
        foreach (var cell in _cells.Values)
        {
            cell.TrimExcess();
        }
    }

    /// <summary>The cells with sites in them that the box around the circle touches.</summary>
    public List<List<Located>> CellsAround(double lat, double lon, double metres)
    {
        var (dLat, dLon) = GreatCircle.Reach(lat, metres);
        var cells = new List<List<Located>>();
        for (var row = Cell(lat - dLat); row <= Cell(lat + dLat); row++)
        {
            for (var col = Cell(lon - dLon); col <= Cell(lon + dLon); col++)
            {
                if (_cells.TryGetValue((row, col), out var ordinals))
                {
                    cells.Add(ordinals);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The cells around the point with sites in them, in the order of the least distance any site in them can have
    /// (to the cell's centre, less the reach of its farthest corner), each with that bound in metres.
    /// </summary>
    public List<(double Bound, List<Located> Sites)> CellsNearestFirst(double pointLat, double pointLon, double metres)
    {
        var (dLat, dLon) = GreatCircle.Reach(pointLat, metres);
        var cells = new List<(double Bound, List<Located> Sites)>();
        for (var row = Cell(pointLat - dLat); row <= Cell(pointLat + dLat); row++)
        {
            for (var col = Cell(pointLon - dLon); col <= Cell(pointLon + dLon); col++)
            {
                if (_cells.TryGetValue((row, col), out var sites))
                {
                    var (south, west) = (row * CellDegrees, col * CellDegrees);
                    var (lat, lon) = (south + (CellDegrees / 2), west + (CellDegrees / 2));
                    var reach = Math.Max(
                        Math.Max(GreatCircle.Metres(lat, lon, south, west), GreatCircle.Metres(lat, lon, south, west + CellDegrees)),
                        Math.Max(GreatCircle.Metres(lat, lon, south + CellDegrees, west), GreatCircle.Metres(lat, lon, south + CellDegrees, west + CellDegrees)));
                    // 10 % over the corners' distance: a margin for the cell's curved edges and rounding.
                    cells.Add((Math.Max(0, GreatCircle.Metres(pointLat, pointLon, lat, lon) - (1.1 * reach)), sites));
                }
            }
        }

        cells.Sort((a, b) => a.Bound.CompareTo(b.Bound));
        return cells;
    }

    private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);
}
