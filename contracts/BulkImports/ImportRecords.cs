using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.BulkImports;

[Description("What is wrong with one row: its number (1 = the first data row), the column and why.")]
public sealed record ImportRowError
{
    [Range(1, 1_000_000)]
    public required int Row { get; init; }

    [MaxLength(40)]
    public required string Column { get; init; }

    [MaxLength(300)]
    public required string Message { get; init; }
}

[Description("A dry run: how many rows were read and which would be refused. Nothing was written.")]
public sealed record ImportCheck
{
    [Range(0, 1_000_000)]
    public required int Rows { get; init; }

    [Range(0, 1_000_000)]
    public required int Valid { get; init; }

    [Description("The first 1,000 problems.")]
    [MaxLength(1000)]
    public required IReadOnlyList<ImportRowError> Errors { get; init; }

    [MaxLength(20)]
    public string? Charset { get; init; }
}

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

[Description("An import run: all its rows are written in one transaction, or none. Probable duplicates go to the "
    + "coordinators' review queue instead of becoming second sites.")]
public sealed record ImportJob
{
    public required Guid Id { get; init; }

    public required ImportStatus Status { get; init; }

    [Range(0, 1_000_000)]
    public required int Rows { get; init; }

    [Range(0, 1_000_000)]
    public int? Created { get; init; }

    [Range(0, 1_000_000)]
    public int? Updated { get; init; }

    [Description("Rows held for review as probable duplicates of existing sites.")]
    [Range(0, 1_000_000)]
    public int? Flagged { get; init; }

    [MaxLength(20)]
    public string? Charset { get; init; }

    [MaxLength(500)]
    public string? Problem { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

public enum DuplicateReason
{
    CorporateNumber,
    SimilarNameNearby,
}

public enum DuplicateStatus
{
    Pending,
    Merged,
    Dismissed,
}

[Description("An imported row held back as a probable duplicate of an existing site: the same corporate number, or a "
    + "similar name within 1 km. A coordinator merges it (the existing site takes the integrator's external id) or "
    + "dismisses it (the row becomes a site of its own).")]
public sealed record ImportDuplicate
{
    public required Guid Id { get; init; }

    public required Guid ImportId { get; init; }

    [Range(1, 1_000_000)]
    public required int Row { get; init; }

    [MaxLength(100)]
    public required string ExternalId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string SupplierNameJa { get; init; }

    public required DuplicateReason Reason { get; init; }

    public required DuplicateStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

[Description("One row of an import: the CSV columns by these names (a header row first), or a JSON object with them. "
    + "externalId, nameJa and prefectureCode are required; processes and certifications are space-separated codes "
    + "(a JSON array also does); publish=true needs lat, lon and a process. Numbers may be JSON numbers.")]
public sealed record ImportRowInput
{
    [Description("Your own stable id of the site: a later import with it updates the site.")]
    [Required, MaxLength(100)]
    public required string ExternalId { get; init; }

    [Required, MaxLength(200)]
    public required string NameJa { get; init; }

    [Required, MaxLength(2)]
    public required string PrefectureCode { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(200)]
    public string? NameKana { get; init; }

    [MaxLength(13)]
    public string? CorporateNumber { get; init; }

    [MaxLength(8)]
    public string? PostalCode { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [MaxLength(300)]
    public string? Address { get; init; }

    [MaxLength(20)]
    public string? Lat { get; init; }

    [MaxLength(20)]
    public string? Lon { get; init; }

    [MaxLength(10)]
    public string? Employees { get; init; }

    [MaxLength(4)]
    public string? FoundedYear { get; init; }

    [MaxLength(300)]
    public string? Website { get; init; }

    [MaxLength(200)]
    public string? ContactName { get; init; }

    [MaxLength(254)]
    public string? ContactEmail { get; init; }

    [MaxLength(40)]
    public string? ContactPhone { get; init; }

    [Description("open (default), limited or closed.")]
    [MaxLength(10)]
    public string? ContractAcceptance { get; init; }

    [MaxLength(3)]
    public string? SpareCapacityPct { get; init; }

    [MaxLength(2000)]
    public string? Processes { get; init; }

    [MaxLength(2000)]
    public string? Certifications { get; init; }

    [Description("true to publish the site (draft otherwise).")]
    [MaxLength(5)]
    public string? Publish { get; init; }
}

[Description("A real import refused because of bad rows (422): nothing was written. The problem document lists the rows' errors.")]
public sealed record ImportRefusedProblem
{
    [MaxLength(200)]
    public string? Type { get; init; }

    [MaxLength(200)]
    public string? Title { get; init; }

    [Range(400, 599)]
    public int? Status { get; init; }

    [MaxLength(2000)]
    public string? Detail { get; init; }

    [MaxLength(2000)]
    public string? Instance { get; init; }

    [MaxLength(128)]
    public string? TraceId { get; init; }

    [Description("Rows in the file.")]
    [Range(0, int.MaxValue)]
    public required int Rows { get; init; }

    [Description("The first 1,000 problems, by row and column.")]
    [MaxLength(1000)]
    public required IReadOnlyList<ImportRowError> Errors { get; init; }
}
