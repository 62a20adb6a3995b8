using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Problems;

[Description("An RFC 9457 problem document. Every error the API returns has this shape.")]
public record Problem
{
    [Description("A stable URI reference naming the kind of problem (docs/problems.md lists them).")]
    [MaxLength(200)]
    public string? Type { get; init; }

    [Description("A short summary of the kind of problem.")]
    [MaxLength(200)]
    public string? Title { get; init; }

    [Description("The HTTP status code.")]
    [Range(400, 599)]
    public int? Status { get; init; }

    [Description("What went wrong with this request, for a person.")]
    [MaxLength(2000)]
    public string? Detail { get; init; }

    [Description("The request path that caused the problem.")]
    [MaxLength(2000)]
    public string? Instance { get; init; }

    [Description("Quote it when reporting a problem: it finds the request in the service's logs.")]
    [MaxLength(128)]
    public string? TraceId { get; init; }

    [Description("For validation problems: field name (JSON path) → messages.")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors { get; init; }
}

[Description("A problem from the token endpoint: an RFC 9457 problem document that also carries RFC 6749 §5.2's error code and description.")]
public sealed record OAuthProblem : Problem
{
    [Description("The RFC 6749 error code: invalid_request, invalid_client, invalid_grant, unauthorized_client, unsupported_grant_type or invalid_scope.")]
    [MaxLength(40)]
    public string? Error { get; init; }

    [Description("The same as detail, for OAuth 2.0 clients that read this field.")]
    [MaxLength(2000)]
    [System.Text.Json.Serialization.JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }
}
