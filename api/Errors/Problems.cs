using Microsoft.AspNetCore.Http.HttpResults;

namespace Registry.Api.Errors;

/// <summary>The problem answers handlers return for expected failures (never thrown).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Not found",
        detail: $"No {what} with this id exists, or the caller may not see it.");

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden, title: "Not allowed", detail: detail);

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.Validation, title: "Validation failed",
        detail: detail ?? ProblemCatalog.SeeErrors,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired, type: ProblemTypes.PreconditionRequired, title: "If-Match required",
        detail: "Updates need an If-Match header with the ETag of the version you read, so that nobody's change is overwritten unseen.");

    public static ProblemHttpResult PreconditionFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, type: ProblemTypes.PreconditionFailed, title: "Changed since you read it",
        detail: "The resource was changed after the version named in If-Match. Read it again and reapply your change.");
}
