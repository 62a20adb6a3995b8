using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Suppliers;

namespace Registry.Contracts.Matching;

[Description("One working step of a part: the process and what the workpiece needs. Lengths in mm, mass in kg, tolerance in µm.")]
public sealed record MatchingStepInput
{
    [Description("A process code from /api/v1/taxonomy/processes; sites running it or a more specific process match.")]
    [Required, MaxLength(80)]
    public required string ProcessCode { get; init; }

    [Description("Material codes the step works on; a site must list every one.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? MaterialCodes { get; init; }

    [Range(0.1, 100000)]
    public double? WorkpieceXMm { get; init; }

    [Range(0.1, 100000)]
    public double? WorkpieceYMm { get; init; }

    [Range(0.1, 100000)]
    public double? WorkpieceZMm { get; init; }

    [Range(0.001, 1000000)]
    public double? MassKg { get; init; }

    [Description("The tolerance the step must hold, µm.")]
    [Range(0.01, 100000)]
    public double? ToleranceUm { get; init; }

    [Description("Certification codes a site must hold, unexpired.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? RequiredCertifications { get; init; }
}

[Description("How the buyer weighs quality, cost and delivery; the three sum to 1.")]
public sealed record QcdWeights
{
    [Range(0.0, 1.0)]
    public required double Quality { get; init; }

    [Range(0.0, 1.0)]
    public required double Cost { get; init; }

    [Range(0.0, 1.0)]
    public required double Delivery { get; init; }
}

[Description("Where suppliers must be: within radiusKm of the centre, in the listed prefectures, or both. The centre is the "
    + "delivery point: distances and chain legs are measured from it.")]
public sealed record MatchingRegion
{
    [Description("The centre (the delivery point). A request may give centrePlace instead; answers always carry the centre.")]
    public GeoLocation? Centre { get; init; }

    [Description("The centre as a place: a municipality code (5 or 6 digits), a postal code, or a municipality's name or an address beginning with one. Without centre, the centre is the mean position of the registry's published sites there (as GET /api/v1/places/centre answers). Kept normalised (a 6-digit municipality code or NNN-NNNN) so that the region reads \"豊田市から 30 km\".")]
    [MaxLength(100)]
    public string? CentrePlace { get; init; }

    [Description("Only sites within this distance of the centre; without it, distance points fall to 0 at 200 km.")]
    [Range(1.0, 500.0)]
    public double? RadiusKm { get; init; }

    [Description("Only sites in these prefectures (JIS X 0401 codes).")]
    [MaxLength(47)]
    [ItemMaxLength(2)]
    public IReadOnlyList<string>? Prefectures { get; init; }
}

public enum QualityAssurance
{
    InspectionReport,
    MaterialCertificate,
    Traceability,
    FirstArticleInspection,
}

public enum RequestVisibility
{
    Public,
    Invited,
}

[Description("A buyer's need at working level: ordered steps, quantity, due date, QCD weights and the region.")]
public sealed record MatchingRequestInput
{
    [Required, MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Description { get; init; }

    [Required, MinLength(1), MaxLength(10)]
    public required IReadOnlyList<MatchingStepInput> Steps { get; init; }

    [Range(1, 100_000_000)]
    public int? Quantity { get; init; }

    [Range(1, 100_000_000)]
    public int? LotSize { get; init; }

    public DateOnly? DueDate { get; init; }

    public required QcdWeights Weights { get; init; }

    [MaxLength(4)]
    public IReadOnlyList<QualityAssurance>? QualityAssurance { get; init; }

    public required MatchingRegion Region { get; init; }

    public RequestVisibility Visibility { get; init; } = RequestVisibility.Public;
}

public enum CriterionOutcome
{
    Met,
    Partial,
    Unmet,
}

[Description("Why a supplier scored what it did on one criterion: points = weight × how well the offer meets it.")]
public sealed record MatchCriterion
{
    [MaxLength(40)]
    public required string Criterion { get; init; }

    [MaxLength(200)]
    public required string Required { get; init; }

    [MaxLength(400)]
    public required string Offered { get; init; }

    public required CriterionOutcome Met { get; init; }

    [Range(0.0, 1.0)]
    public required double Weight { get; init; }

    [Range(0.0, 1.0)]
    public required double Points { get; init; }
}

[Description("A supplier that passes the step's hard filters, with its score in [0,1] and the explanation.")]
public sealed record MatchCandidate
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    public required GeoLocation Location { get; init; }

    public required bool Verified { get; init; }

    [Range(0, 5000)]
    public required double DistanceKm { get; init; }

    [Range(0.0, 1.0)]
    public required double Score { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<MatchCriterion> Explanation { get; init; }
}

public sealed record StepMatches
{
    [Range(0, 9)]
    public required int Step { get; init; }

    [MaxLength(80)]
    public required string ProcessCode { get; init; }

    [Description("Whether anything in the region can do the step.")]
    public required bool Doable { get; init; }

    [Description("Best first; ties by supplier id.")]
    [MaxLength(20)]
    public required IReadOnlyList<MatchCandidate> Candidates { get; init; }
}

public sealed record ChainAssignment
{
    [Range(0, 9)]
    public required int Step { get; init; }

    [Description("Absent for a step nothing in the region can do.")]
    public Guid? SupplierId { get; init; }

    [MaxLength(200)]
    public string? NameJa { get; init; }

    public GeoLocation? Location { get; init; }
}

public sealed record ChainLeg
{
    [Range(0, 9)]
    public required int FromStep { get; init; }

    [Range(0, 9)]
    public required int ToStep { get; init; }

    [Description("Great-circle kilometres; 0 when the same site does both steps.")]
    [Range(0, 5000)]
    public required double Km { get; init; }
}

[Description("One assignment of suppliers to all steps: fewer handovers, shorter legs and higher scores first.")]
public sealed record MatchChain
{
    [MaxLength(10)]
    public required IReadOnlyList<ChainAssignment> Steps { get; init; }

    [MaxLength(9)]
    public required IReadOnlyList<ChainLeg> Legs { get; init; }

    [Description("The last leg, to the delivery point (the region's centre); absent when no step is doable. Not in totalKm.")]
    public DeliveryLeg? Delivery { get; init; }

    [Description("Kilometres of the legs between steps.")]
    [Range(0, 50000)]
    public required double TotalKm { get; init; }

    [Range(0, 10)]
    public required int Firms { get; init; }

    [Description("Share of the steps doable in the region.")]
    [Range(0.0, 1.0)]
    public required double Completeness { get; init; }

    [Description("Steps nothing in the region can do.")]
    [MaxLength(10)]
    [ItemRange(0, 9)]
    public required IReadOnlyList<int> Gaps { get; init; }
}

[Description("A request evaluated against the published suppliers the caller may see.")]
public sealed record MatchEvaluation
{
    [MaxLength(10)]
    public required IReadOnlyList<StepMatches> Steps { get; init; }

    [MaxLength(3)]
    public required IReadOnlyList<MatchChain> Chains { get; init; }

    [Description("Where the parts are delivered: the region's centre.")]
    public required GeoLocation DeliveryPoint { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }
}

public enum RequestStatus
{
    Draft,
    Open,
    Closed,
    Cancelled,
    Awarded,
}

[Description("A saved matching request: the buyer's need as submitted and where it stands.")]
public sealed record MatchingRequest
{
    public required Guid Id { get; init; }

    public required RequestStatus Status { get; init; }

    [Description("The need as last saved.")]
    public required MatchingRequestInput Request { get; init; }

    [Description("The buyer's account; shown to the buyer and coordinators only.")]
    public Guid? BuyerAccountId { get; init; }

    public Guid? AwardedSupplierId { get; init; }

    [Description("The chain awarded, one site per step, when the request was awarded as a chain.")]
    [MaxLength(10)]
    public IReadOnlyList<Guid>? AwardedChain { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("The supplier a request is awarded to: one of the candidates snapshotted when it opened. To award a chain, "
    + "stepSupplierIds names one site per step (each a candidate of its step or an invited site) and supplierId is one of them.")]
public sealed record AwardInput
{
    public required Guid SupplierId { get; init; }

    [Description("The chain awarded: one site per step, in step order.")]
    [MaxLength(10)]
    public IReadOnlyList<Guid>? StepSupplierIds { get; init; }
}

[Description("Per step, the ranked suppliers with their explanations, for the caller.")]
public sealed record StepMatchesResult
{
    [MaxLength(10)]
    public required IReadOnlyList<StepMatches> Steps { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }
}

[Description("The best assignments of suppliers to all steps, for the caller.")]
public sealed record ChainsResult
{
    [MaxLength(3)]
    public required IReadOnlyList<MatchChain> Chains { get; init; }

    [Description("Where the parts are delivered: the region's centre.")]
    public required GeoLocation DeliveryPoint { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }
}

public enum InvitationStatus
{
    Invited,
    Interested,
    Declined,
    Shortlisted,
    Awarded,
}

public enum InvitationAnswer
{
    Interested,
    Declined,
    Question,
}

[Description("A supplier site the buyer (or a coordinator, introducing it) invites to an open request.")]
public sealed record InvitationInput
{
    public required Guid SupplierId { get; init; }
}

[Description("An invited site's answer: interested, declined, or a question for the buyer.")]
public sealed record AnswerInput
{
    public required Guid SupplierId { get; init; }

    public required InvitationAnswer Answer { get; init; }

    [MaxLength(2000)]
    public string? Question { get; init; }
}

public sealed record Invitation
{
    public required Guid RequestId { get; init; }

    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string SupplierNameJa { get; init; }

    public required InvitationStatus Status { get; init; }

    [MaxLength(2000)]
    public string? Question { get; init; }

    [Description("Whether a coordinator introduced the site to the buyer.")]
    public required bool Introduced { get; init; }

    public required DateTimeOffset InvitedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}

[Description("A request addressed to one of the caller's sites, with where the invitation stands.")]
public sealed record InboxItem
{
    public required MatchingRequest Request { get; init; }

    public required Invitation Invitation { get; init; }
}

public enum MessageAuthor
{
    Buyer,
    Supplier,
}

[Description("A message on an invitation's thread: the invited site's question, the buyer's answer, and whatever either writes next.")]
public sealed record InvitationMessageInput
{
    [Description("The message, 1–2000 characters; line breaks are kept.")]
    [Required, MaxLength(2000)]
    public required string Text { get; init; }
}

[Description("One message of the thread between the buyer and an invited site. Which side wrote it is named, the buyer's account is not.")]
public sealed record InvitationMessage
{
    public required Guid Id { get; init; }

    public required Guid RequestId { get; init; }

    public required Guid SupplierId { get; init; }

    public required MessageAuthor Author { get; init; }

    [MaxLength(2000)]
    public required string Text { get; init; }

    public required DateTimeOffset PostedAt { get; init; }
}

[Description("Where the parts go after the last step the region can do, and how far that is.")]
public sealed record DeliveryLeg
{
    [Description("The last step the region can do.")]
    [Range(0, 9)]
    public required int FromStep { get; init; }

    [Description("Great-circle kilometres from that step's site to the delivery point.")]
    [Range(0, 5000)]
    public required double Km { get; init; }
}
