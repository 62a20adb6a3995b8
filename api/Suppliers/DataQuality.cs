using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

/// <summary>
/// Facts of a site that contradict each other (issue 16): refused when they are typed, and listed for coordinators
/// when they are already stored (imported, or written before the rule). A lot minimum above its maximum is refused by
/// the contract and the table; these rules need two facts from different places.
/// </summary>
public static class DataQuality
{
    /// <summary>The code of a qualification held by more people than the site employs.</summary>
    public const string StaffAboveEmployees = "staff_above_employees";

    /// <summary>The code of spare capacity offered while contract work is closed.</summary>
    public const string SpareCapacityWhileClosed = "spare_capacity_while_closed";

    /// <summary>Spare capacity is something offered to outside work; a site closed to it has none to offer.</summary>
    public static string? SpareCapacity(ContractAcceptance acceptance, int? sparePct) =>
        acceptance == ContractAcceptance.Closed && sparePct > 0
            ? "A site closed to contract work has no spare capacity to offer: open contract work (open or limited) or leave spare capacity empty."
            : null;

    /// <summary>One qualification cannot be held by more people than work at the site.</summary>
    public static string? Headcount(int headcount, int? employees) =>
        employees is { } e && headcount > e
            ? $"More qualified people ({headcount}) than the site employs ({e}): correct the headcount or the number of employees."
            : null;

    /// <summary>The number of employees cannot fall below the largest qualified headcount the site lists.</summary>
    public static string? Employees(int? employees, int largestHeadcount) =>
        employees is { } e && largestHeadcount > e
            ? $"The site lists {largestHeadcount} people holding one qualification, more than {e} employees: correct the number or the qualified staff."
            : null;

    /// <summary>
    /// The same rules over stored rows (alias s for suppliers, @today): one array of issue codes per site, empty when
    /// the site is consistent.
    /// </summary>
    public const string IssuesSql = $"""
        array_remove(ARRAY[
            CASE WHEN EXISTS (SELECT 1 FROM supplier_staff st WHERE st.supplier_id = s.id AND st.headcount > s.employees)
                 THEN '{StaffAboveEmployees}' END,
            CASE WHEN s.contract_acceptance = 'closed' AND s.spare_capacity_pct > 0 AND s.spare_capacity_valid_until >= @today
                 THEN '{SpareCapacityWhileClosed}' END
        ], NULL)
        """;
}
