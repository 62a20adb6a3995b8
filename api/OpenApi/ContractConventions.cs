using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Problems;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Registry.Api.OpenApi;

/// <summary>
/// Applies DESIGN §6 to every operation so that no endpoint has to repeat it: the problem responses any request can
/// get (400 malformed or unknown query parameter, 429 rate limited, 500, 503 while the database cannot be reached),
/// 401/403 where a token is needed, the rate-limit headers on every 2xx and 4xx answer, and the security requirement
/// that matches the endpoint's policy.
/// </summary>
internal sealed class ContractConventions : IOperationFilter, IDocumentFilter, ISchemaFilter, IParameterFilter
{
    public const string ProblemMediaType = "application/problem+json";

    private static readonly (string Name, string Description, JsonSchemaType Type)[] s_rateLimitHeaders =
    [
        ("RateLimit", "Quota left in the current window for the caller's policy (draft-ietf-httpapi-ratelimit-headers), e.g. `\"default\";r=42;t=17`.", JsonSchemaType.String),
        ("RateLimit-Policy", "The quota policy applied to the caller, e.g. `\"default\";q=600;w=60`.", JsonSchemaType.String),
        ("Access-Control-Allow-Origin", "Sent when the request's Origin is one of the deployment's allowed origins (Cors:AllowedOrigins).", JsonSchemaType.String),
    ];

    /// <summary>The languages a problem comes in (Content-Language).</summary>
    private static readonly string[] s_languages = ["ja", "en"];

    /// <summary>Tag descriptions, so the contract's sections explain themselves.</summary>
    private static readonly Dictionary<string, string> s_tags = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness probes for load balancers and operators.",
        ["Auth"] = "Sign-in, token refresh and sign-out for people; OAuth 2.0 client credentials for integrators; the public signing keys.",
        ["Accounts"] = "People's accounts and the supplier sites they may edit (admin).",
        ["API clients"] = "Integrators' API clients and their scopes (admin).",
        ["Audit"] = "Every write: who, what, when, before and after (coordinators and admins).",
        ["Calendar"] = "Japan's public holidays (国民の祝日, 振替休日, 国民の休日; shipped with the service), by which business days are counted with each site's own closed days.",
        ["Places"] = "Japan's municipalities and postal codes (Japan Post's KEN_ALL and 全国地方公共団体コード, shipped with the service): names for codes, suggestions, what a postal code covers, and where a place is.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var needsToken = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);

        if (metadata.OfType<FormBody>().FirstOrDefault() is { } form)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new() { Schema = context.SchemaGenerator.GenerateSchema(form.Type, context.SchemaRepository) },
                },
            };
        }

        if (metadata.OfType<CsvOrJsonBody>().FirstOrDefault() is { } rows)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = (int)Math.Min(rows.MaxBytes, int.MaxValue) } },
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            MaxItems = rows.MaxRows,
                            Items = context.SchemaGenerator.GenerateSchema(rows.RowType, context.SchemaRepository),
                        },
                    },
                },
            };
        }

        operation.Responses ??= [];
        if (metadata.OfType<Http.Idempotency.IdempotentEndpoint>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Http.Idempotency.Header,
                In = ParameterLocation.Header,
                Description = "Makes a retry safe: the first answer for this key is replayed for 24 hours. Another body with the same key is 422; a retry while the first still runs is 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            AddProblem(operation, "409", "Conflicts with the current state, or the first request with this Idempotency-Key is still running.", context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository));
            AddProblem(operation, "422", "The Idempotency-Key was used with a different request.", context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository));
        }

        // Optimistic concurrency (DESIGN §6): updates that can answer 412 need If-Match; reads that can answer 304
        // and those updates send the version as ETag.
        var conditional = operation.Responses.ContainsKey("412");
        if (conditional)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag of the version you read. Missing: 428; stale: 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 },
            });
        }

        if ((conditional || operation.Responses.ContainsKey("304")) && operation.Responses.TryGetValue("200", out var versioned) && versioned is OpenApiResponse withETag)
        {
            withETag.Headers ??= new Dictionary<string, IOpenApiHeader>();
            withETag.Headers["ETag"] = new OpenApiHeaderReference("ETag", context.Document);
        }

        foreach (var own in metadata.OfType<MediaTypeSchema>())
        {
            if (operation.Responses.TryGetValue(own.Status.ToString(CultureInfo.InvariantCulture), out var response) && response.Content is { } content)
            {
                // A document as text (an order's CSV) is a string of bounded length, like every string of the contract.
                content[own.MediaType] = new OpenApiMediaType
                {
                    Schema = own.Type == typeof(string)
                        ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MediaTypeSchema.MaxTextLength }
                        : context.SchemaGenerator.GenerateSchema(own.Type, context.SchemaRepository),
                };
            }
        }

        if (metadata.OfType<ResponseMaxItems>().FirstOrDefault() is { } maxItems
            && operation.Responses.TryGetValue("200", out var ok) && ok.Content is { } okContent)
        {
            foreach (var media in okContent.Values)
            {
                if (media.Schema is OpenApiSchema { Type: JsonSchemaType.Array } array)
                {
                    array.MaxItems = maxItems.Count;
                }
            }
        }

        // Lists (and the feed) name their own problem: a cursor this service did not give out for this list and sort.
        var paged = operation.Parameters?.Any(p => p.Name == "cursor" && p.In == ParameterLocation.Query) == true;
        AddProblem(operation, "400", paged
            ? "The request is malformed or names an unknown query parameter (/problems/malformed-request, /problems/validation, "
                + "/problems/unknown-query-parameter), or its cursor is not one this service gave out for this list and sort (/problems/invalid-cursor)."
            : "The request is malformed or names an unknown query parameter.", problem);
        if (operation.RequestBody is not null)
        {
            AddProblem(operation, "415", "The body is not of a type this operation takes (see its request body).", problem);
        }

        if (needsToken)
        {
            AddProblem(operation, "401", "No valid access token was presented.", problem);
            AddProblem(operation, "403", "The token is valid but lacks the role, scope or ownership this needs.", problem);
        }

        // Quotas apply to /api only (probes, keys and the SPA's files are not counted).
        var limitedPath = context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        if (limitedPath)
        {
            AddProblem(operation, "429", "Too many requests from this caller; wait for the number of seconds in Retry-After.", problem);
        }

        AddProblem(operation, "500", "The service failed; the problem's traceId finds it in the logs.", problem);
        if (!metadata.OfType<AnswersWithoutDatabase>().Any())
        {
            AddProblem(operation, "503", "The database cannot be reached just now (/problems/unavailable); retry after the seconds in Retry-After.", problem);
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers["Access-Control-Allow-Origin"] = new OpenApiHeaderReference("Access-Control-Allow-Origin", context.Document);
            }

            if ((status.StartsWith('2') || status.StartsWith('4')) && response is OpenApiResponse limited && limitedPath)
            {
                foreach (var (name, _, _) in s_rateLimitHeaders[..2])
                {
                    limited.Headers![name] = new OpenApiHeaderReference(name, context.Document);
                }

                if (status == "429")
                {
                    limited.Headers!["Retry-After"] = new OpenApiHeaderReference("Retry-After", context.Document);
                }
            }

            // A problem is in the caller's language (Errors/ProblemLanguage), and says which.
            if (response is OpenApiResponse problemAnswer && problemAnswer.Content?.ContainsKey(ProblemMediaType) == true)
            {
                problemAnswer.Headers!["Content-Language"] = new OpenApiHeaderReference("Content-Language", context.Document);
            }

            if (status == "503" && response is OpenApiResponse unavailable && unavailable.Content?.ContainsKey(ProblemMediaType) == true)
            {
                unavailable.Headers!["Retry-After"] = new OpenApiHeaderReference("Retry-After", context.Document);
            }
        }

        // Anonymous endpoints say so explicitly (an empty requirement list); the others need the bearer token.
        operation.Security = needsToken
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.Bearer, context.Document)] = [] }]
            : metadata.OfType<OrderLinkEndpoint>().Any()
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemes.OrderLink, context.Document)] = [] }]
            : [];
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description, type) in s_rateLimitHeaders)
        {
            document.Components.Headers[name] = new OpenApiHeader
            {
                Description = description,
                Schema = new OpenApiSchema { Type = type, MaxLength = 200 },
            };
        }

        document.Components.Headers["ETag"] = new OpenApiHeader
        {
            Description = "The version you see and, on reads, a digest of the view you received (`\"12-AbCd…\"`): each caller's view has its own. Send it back in If-None-Match to revalidate, or in If-Match to update.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 },
        };

        document.Components.Headers["Content-Language"] = new OpenApiHeader
        {
            Description = "The language of the problem's title, detail and messages: ja, or en when Accept-Language prefers English.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. s_languages.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))] },
        };

        document.Components.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "86400" },
        };

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in document.Tags)
        {
            if (tag.Name is { } name && s_tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concreteSchema)
        {
            return;
        }

        // Fixed-size textual forms: their length is known, which the contract lint (rightly) wants stated.
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (type == typeof(Guid))
        {
            concreteSchema.MaxLength = 36;
        }
        else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            concreteSchema.MaxLength = 35;
        }
        else if (type == typeof(DateOnly))
        {
            concreteSchema.MaxLength = 10;
        }

        if (context.MemberInfo?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), true).FirstOrDefault() is ItemMaxLengthAttribute items
            && concreteSchema.Items is OpenApiSchema itemSchema)
        {
            itemSchema.MaxLength = items.Length;
        }

        if (context.MemberInfo?.GetCustomAttributes(typeof(ItemRangeAttribute), true).FirstOrDefault() is ItemRangeAttribute range
            && concreteSchema.Items is OpenApiSchema numberSchema)
        {
            numberSchema.Minimum = range.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            numberSchema.Maximum = range.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (context.Type.IsAssignableTo(typeof(Problem)) && schema is OpenApiSchema concrete
            && concrete.Properties?.TryGetValue("errors", out var errors) == true && errors is OpenApiSchema map)
        {
            map.MaxProperties = 100;
            map.AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                MaxItems = 20,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 500 },
            };
        }
    }

    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var member = (System.Reflection.ICustomAttributeProvider?)context.PropertyInfo ?? context.ParameterInfo;
        if (member?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), true).FirstOrDefault() is ItemMaxLengthAttribute items
            && parameter.Schema is OpenApiSchema { Items: OpenApiSchema itemSchema })
        {
            itemSchema.MaxLength = items.Length;
        }

        if (member?.GetCustomAttributes(typeof(WireEnumAttribute), true).FirstOrDefault() is WireEnumAttribute wire
            && parameter.Schema is OpenApiSchema schema)
        {
            var target = schema.Items as OpenApiSchema ?? schema;
            target.Enum = [.. wire.Values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))];
        }
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description, IOpenApiSchema problem)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = problem } },
        };
    }
}

public static class ProblemResponses
{
    /// <summary>Declares a problem answer with the contract's Problem schema (not ASP.NET's unbounded ProblemDetails).</summary>
    public static RouteHandlerBuilder ProducesProblemDocument(this RouteHandlerBuilder builder, int status) =>
        builder.Produces<Problem>(status, ContractConventions.ProblemMediaType);
}

/// <summary>
/// Documents a form-encoded body that the handler reads itself. Unlike Accepts(), it does not constrain routing, so
/// a request with another content type reaches the handler and gets its 415 problem instead of a 404.
/// </summary>
public sealed record FormBody(Type Type);

/// <summary>A body the handler reads itself: CSV text (up to MaxBytes) or a JSON array of rows of this type.</summary>
public sealed record CsvOrJsonBody(Type RowType, long MaxBytes, int MaxRows);

/// <summary>
/// An endpoint that answers without the database (or, like /readyz, reports its absence itself), so never with the
/// 503 unavailable problem the others may give while the database cannot be reached.
/// </summary>
public sealed record AnswersWithoutDatabase;

public static class DatabaseFree
{
    public static TBuilder AnswersWithoutDatabase<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnswersWithoutDatabase());
}

/// <summary>The most items a list answer holds (the contract's maxItems on a top-level array).</summary>
public sealed record ResponseMaxItems(int Count);

/// <summary>One media type of a response has a schema of its own (ASP.NET Core's Produces gives a status one type).</summary>
public sealed record MediaTypeSchema(int Status, string MediaType, Type Type)
{
    /// <summary>The longest text document an endpoint answers with (an order of 20 lines as CSV is a few kilobytes).</summary>
    public const int MaxTextLength = 1_048_576;
}

public static class ResponseLimits
{
    public static RouteHandlerBuilder WithResponseMaxItems(this RouteHandlerBuilder builder, int count) =>
        builder.WithMetadata(new ResponseMaxItems(count));

    public static RouteHandlerBuilder WithMediaTypeSchema<T>(this RouteHandlerBuilder builder, int status, string mediaType) =>
        builder.WithMetadata(new MediaTypeSchema(status, mediaType, typeof(T)));
}

/// <summary>
/// A query parameter (or each item of one) that takes the snake_case names of an enum. The handler parses it with
/// WireNames; this attribute lists the names in the contract.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class WireEnumAttribute(Type enumType) : Attribute
{
    public IReadOnlyList<string> Values { get; } =
        [.. Enum.GetNames(enumType).Select(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName)];
}
