namespace Registry.Api.Demo;

/// <summary>
/// The capabilities, machines, certificates and qualified staff of one synthetic shop of a given kind, drawn from a
/// seeded random source (the same seed gives the same parts). Rows are named as their tables' columns.
/// </summary>
public sealed record ShopParts(
    IReadOnlyList<ShopParts.CapabilityRow> Capabilities,
    IReadOnlyList<ShopParts.EquipmentRow> Equipment,
    IReadOnlyList<ShopParts.CertificationRow> Certifications,
    IReadOnlyList<ShopParts.StaffRow> Staff)
{
    public sealed record CapabilityRow(
        Guid Id, Guid SupplierId, string ProcessCode, string[] MaterialCodes, decimal MaxXMm, decimal MaxYMm, decimal MaxZMm,
        decimal MaxMassKg, decimal BestToleranceUm, decimal RoughnessRaUm, int LotMin, int LotMax, int MonthlyCapacity, int LeadDays);

    public sealed record EquipmentRow(Guid Id, Guid SupplierId, string TypeCode, string Maker, string Model, int Count, decimal SpecValue, int Year);

    public sealed record CertificationRow(Guid Id, Guid SupplierId, string Code, string Number, DateOnly ValidUntil);

    public sealed record StaffRow(Guid Id, Guid SupplierId, string QualificationCode, int Headcount);

    /// <summary>How much a shop runs: at least this many processes, the share of its kind's machine types it has,
    /// and how often it has a second machine of a type.</summary>
    public sealed record Richness(int MinProcesses, double EquipmentShare, double SecondMachineShare)
    {
        public static Richness Demo { get; } = new(2, 0.7, 0);
    }

    private static readonly decimal[] s_tolerances = [2m, 5m, 10m, 20m, 50m, 100m];
    private static readonly decimal[] s_roughness = [0.2m, 0.4m, 0.8m, 1.6m, 3.2m, 6.3m];
    private static readonly string[] s_makers = ["デモ機械", "サンプル工機", "架空精機", "テスト重工"];

    // The order of draws from the random source is part of the result: the demo region stays the same only while
    // it does not change.
    public static ShopParts Generate(Random random, ShopKinds.Kind kind, Guid supplierId, DateOnly today, Func<Guid> newId, Richness? richness = null, int? employees = null)
    {
        var (minProcesses, equipmentShare, secondMachineShare) = richness ?? Richness.Demo;
        var capabilities = new List<CapabilityRow>();
        var processes = kind.Processes.OrderBy(_ => random.Next())
            .Take(random.Next(Math.Min(minProcesses, kind.Processes.Length), Math.Min(6, kind.Processes.Length) + 1)).ToList();
        foreach (var process in processes)
        {
            var x = random.Next(2, 30) * 50;
            var materials = kind.Materials.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(4, kind.Materials.Length) + 1)).ToArray();
            var y = x * random.Next(5, 11) / 10;
            var z = x * random.Next(3, 9) / 10;
            var mass = random.Next(1, 200) * 5m;
            var tolerance = s_tolerances[random.Next(s_tolerances.Length)];
            var ra = s_roughness[random.Next(s_roughness.Length)];
            var lotMax = random.Next(1, 100) * 1000;
            var monthly = random.Next(1, 200) * 500;
            var lead = random.Next(3, 40);
            capabilities.Add(new CapabilityRow(newId(), supplierId, process, materials, x, y, z, mass, tolerance, ra, 1, lotMax, monthly, lead));
        }

        var equipment = new List<EquipmentRow>();
        var machines = kind.Equipment.Where(_ => random.NextDouble() < equipmentShare).DefaultIfEmpty(kind.Equipment[0])
            .SelectMany(e => secondMachineShare > 0 && random.NextDouble() < secondMachineShare ? new[] { e, e } : [e]);
        foreach (var (type, min, max) in machines)
        {
            var maker = s_makers[random.Next(s_makers.Length)];
            var model = $"DM-{random.Next(100, 999)}";
            var count = random.Next(1, 8);
            var spec = Math.Round((decimal)(min + random.NextDouble() * (max - min)), 1);
            equipment.Add(new EquipmentRow(newId(), supplierId, type, maker, model, count, spec, random.Next(1995, 2026)));
        }

        var certifications = new List<CertificationRow>();
        foreach (var (code, _) in kind.Certifications.Where(c => random.NextDouble() < c.Share))
        {
            var number = $"DEMO-{random.Next(10000, 99999)}";
            // A few certificates have lapsed: they must stop counting.
            var validUntil = today.AddDays(random.NextDouble() < 0.08 ? -random.Next(1, 200) : random.Next(30, 1100));
            certifications.Add(new CertificationRow(newId(), supplierId, code, number, validUntil));
        }

        var staff = new List<StaffRow>();
        foreach (var qualification in kind.Qualifications.Where(_ => random.NextDouble() < 0.6))
        {
            // No more qualified people than the site employs (a contradiction the registry refuses at input).
            staff.Add(new StaffRow(newId(), supplierId, qualification, Math.Min(random.Next(1, 12), Math.Max(1, employees ?? int.MaxValue))));
        }

        return new ShopParts(capabilities, equipment, certifications, staff);
    }
}
