using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Webhooks;

[Description("A subscription: which events go to which URL. Event types are exact (supplier.updated), a family "
    + "(supplier.*) or everything (*); supplierIds and clusterId narrow them to followed sites or a cluster's members.")]
public sealed record WebhookInput
{
    [Description("https (plain http only to loopback addresses where the service allows it, for development).")]
    [Required, MaxLength(2000)]
    public required string Url { get; init; }

    [Required, MinLength(1), MaxLength(50)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> EventTypes { get; init; }

    [MaxLength(500)]
    public IReadOnlyList<Guid>? SupplierIds { get; init; }

    public Guid? ClusterId { get; init; }

    [MaxLength(500)]
    public string? Description { get; init; }

    public bool Active { get; init; } = true;
}

public sealed record Webhook
{
    public required Guid Id { get; init; }

    [MaxLength(2000)]
    public required string Url { get; init; }

    [MaxLength(50)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> EventTypes { get; init; }

    [MaxLength(500)]
    public required IReadOnlyList<Guid> SupplierIds { get; init; }

    public Guid? ClusterId { get; init; }

    [MaxLength(500)]
    public string? Description { get; init; }

    public required bool Active { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("A new subscription with its signing secret, shown this once.")]
public sealed record WebhookWithSecret
{
    public required Webhook Webhook { get; init; }

    [Description("whsec_… — verify webhook-signature with it (Standard Webhooks).")]
    [MaxLength(100)]
    public required string Secret { get; init; }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Parked,
}

public sealed record DeliveryAttempt
{
    public required DateTimeOffset AttemptedAt { get; init; }

    [Range(100, 599)]
    public int? StatusCode { get; init; }

    [MaxLength(500)]
    public string? Error { get; init; }

    [Range(0, int.MaxValue)]
    public required int DurationMs { get; init; }
}

public sealed record WebhookDelivery
{
    public required Guid Id { get; init; }

    [Description("The webhook-id header of this message, the same on every attempt.")]
    [MaxLength(40)]
    public required string MessageId { get; init; }

    [MaxLength(80)]
    public required string EventType { get; init; }

    public required Guid ResourceId { get; init; }

    public required DeliveryStatus Status { get; init; }

    [Description("Attempts in the current series (a redelivery starts a new one).")]
    [Range(0, int.MaxValue)]
    public required int Attempts { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    [MaxLength(100)]
    public required IReadOnlyList<DeliveryAttempt> AttemptLog { get; init; }
}
