using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.OpenApi;
using Registry.Contracts;

namespace Registry.Api.Http;

/// <summary>
/// What the contract declares for a handler's query and route parameters ([MaxLength], [Range], [ItemMaxLength],
/// [ItemRange], [WireEnum]) is also what the service enforces, for every endpoint: applied once to the group every
/// feature maps on (Program.cs), so a declared limit cannot be left unchecked (an 81-character q, a latitude of 1e9 or
/// NaN were accepted while openapi.yaml refused them). Bodies are checked by <see cref="Validation"/>.
/// </summary>
public static class ParameterValidation
{
    public static TBuilder ValidateParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            // A parameter, or each property of an [AsParameters] object, with the limits declared on it.
            var checks = new List<(string Name, object[] Rules, Func<object?[], object?> Value)>();
            var wholes = new List<int>();
            foreach (var (parameter, index) in context.MethodInfo.GetParameters().Select((p, i) => (p, i)))
            {
                if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    wholes.Add(index);
                    checks.AddRange(parameter.ParameterType.GetProperties()
                        .Select(property => (WireName(property), property.GetCustomAttributes(true),
                            (Func<object?[], object?>)(args => args[index] is { } whole ? property.GetValue(whole) : null))));
                }
                else
                {
                    checks.Add((WireName(parameter), parameter.GetCustomAttributes(true), args => args[index]));
                }
            }

            checks.RemoveAll(c => !c.Rules.Any(r => r is ValidationAttribute or ItemMaxLengthAttribute or ItemRangeAttribute or WireEnumAttribute));
            if (checks.Count == 0 && !wholes.Exists(i => typeof(IValidatableObject).IsAssignableFrom(context.MethodInfo.GetParameters()[i].ParameterType)))
            {
                return next;
            }

            return invocation =>
            {
                var args = invocation.Arguments.ToArray();
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var (name, rules, read) in checks)
                {
                    if (read(args) is { } value && Problems(value, rules) is { Count: > 0 } found)
                    {
                        errors[name] = [.. found];
                    }
                }

                // Rules across fields (a point is lat and lon together), once each field is fine on its own.
                foreach (var whole in wholes.Select(i => args[i]).OfType<IValidatableObject>().Where(_ => errors.Count == 0))
                {
                    foreach (var result in whole.Validate(new ValidationContext(whole)))
                    {
                        errors[JsonNamingPolicy.CamelCase.ConvertName(result.MemberNames.FirstOrDefault() ?? "query")] = [result.ErrorMessage ?? "Invalid."];
                    }
                }

                return errors.Count == 0 ? next(invocation) : ValueTask.FromResult<object?>(Errors.Problems.Validation(errors));
            };
        });

    private static List<string> Problems(object value, object[] rules) => Validation.Messages(value, rules);

    private static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static string WireName(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
        ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(parameter.Name ?? "");
}
