using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Registry.Api.Errors;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6: an unknown query parameter is a 400, not silently ignored — a misspelt filter must not quietly widen
/// a search. The names an endpoint accepts are read once from its handler's parameters.
/// </summary>
public static class QueryParameters
{
    private static readonly string[] s_unknownMessage = ["Unknown query parameter."];

    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var accepted = AcceptedNames(factory.MethodInfo);
            return invocation =>
            {
                var request = invocation.HttpContext.Request;
                var unknown = request.Query.Keys
                    .Where(k => !accepted.Contains(k) && !request.RouteValues.ContainsKey(k))
                    .ToList();
                if (unknown.Count == 0)
                {
                    return next(invocation);
                }

                return ValueTask.FromResult<object?>(TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    type: ProblemTypes.UnknownQueryParameter,
                    title: "Unknown query parameter",
                    detail: $"This endpoint does not take {string.Join(", ", unknown.Select(u => $"'{u}'"))}."
                        + (accepted.Count == 0 ? " It takes no query parameters." : $" It takes: {string.Join(", ", accepted.Order(StringComparer.Ordinal))}."),
                    extensions: new Dictionary<string, object?> { ["errors"] = unknown.ToDictionary(u => u, _ => s_unknownMessage) }));
            };
        });
        return builder;
    }

    internal static HashSet<string> AcceptedNames(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            Collect(parameter.Name!, parameter.ParameterType, parameter, names);
        }

        return names;
    }

    private static void Collect(string name, Type type, ICustomAttributeProvider attributes, HashSet<string> names)
    {
        if (attributes.IsDefined(typeof(AsParametersAttribute), true))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Collect(property.Name, property.PropertyType, property, names);
            }

            return;
        }

        var fromQuery = attributes.GetCustomAttributes(true).OfType<IFromQueryMetadata>().FirstOrDefault();
        if (fromQuery is not null)
        {
            names.Add(fromQuery.Name ?? name);
            return;
        }

        var boundElsewhere = attributes.GetCustomAttributes(true).Any(a =>
            a is IFromRouteMetadata or IFromBodyMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromFormMetadata);
        if (!boundElsewhere && IsSimple(type))
        {
            names.Add(name);
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return IsSimple(type.GetElementType()!);
        }

        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly);
    }
}
