using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Calendar;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Calendar;

/// <summary>
/// A site's own closed days (read by anyone who may see the site, set by its owners and coordinators) and the
/// Japanese public holidays. Closed days are no secret: once a site is published its calendar is public, like its
/// name; a draft's calendar is its owners' and coordinators' only, as the draft is.
/// </summary>
public static class CalendarApi
{
    public const int MaxPeriods = 30;
    public const int MaxPeriodDays = 31;

    // Periods repeating every year may not close the whole year between them: a site must have business days.
    public const int MaxEveryYearDays = 200;

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("/api/v1/suppliers/{id:guid}/calendar").WithTags("Suppliers").RejectUnknownQueryParameters();
        site.MapGet("", GetSiteCalendar).AllowAnonymous()
            .WithName("getSupplierCalendar").WithSummary("The site's closed days: weekly closed days and closed periods (お盆, 年末年始)")
            .WithDescription("Public once the site is published; a draft's only to its owners and coordinators. A site that never set its calendar keeps Saturdays and Sundays closed (version 0).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        site.MapPut("", ReplaceSiteCalendar).RequireAuthorization(Policies.CanEditSupplier).ValidateBody<SupplierCalendarInput>()
            .WithName("replaceSupplierCalendar").WithSummary("Replace the site's closed days (If-Match: the calendar's version; owners and coordinators)")
            .WithDescription("Public holidays need not be listed. At most 30 periods, each at most 31 days; periods repeating every year close at most 200 days of a year together, and at least one weekday stays open.")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);

        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar").AllowAnonymous().RejectUnknownQueryParameters();
        calendar.MapGet("/holidays", GetHolidays).AnswersWithoutDatabase()
            .WithName("listPublicHolidays").WithSummary("Japan's public holidays in a year, named in the caller's language")
            .WithDescription("国民の祝日 with 振替休日 and 国民の休日, from the data set the service ships (docs/calendar.md). A year after lastKnownYear is not known (known: false, no holidays).");
        return app;
    }

    public static async Task<Results<Representation<SupplierCalendar>, ProblemHttpResult>> GetSiteCalendar(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        var canEdit = user.Identity?.IsAuthenticated == true && await ownership.CanEditSupplierAsync(user, id, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var shown = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @id AND (status = 'published' OR @canEdit))", new { id, canEdit }, cancellationToken: ct));
        if (!shown)
        {
            return Problems.NotFound("supplier");
        }

        var found = await SiteCalendars.ReadOneAsync(connection, null, id, ct);
        return Representations.Ok(found, found.Version);
    }

    public static async Task<Results<Ok<SupplierCalendar>, ProblemHttpResult>> ReplaceSiteCalendar(
        Guid id, SupplierCalendarInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        if (Check(body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var status = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM suppliers WHERE id = @id AND status <> 'archived' FOR UPDATE", new { id }, tx, cancellationToken: ct));
        if (status is null)
        {
            return Problems.NotFound("supplier");
        }

        var before = await SiteCalendars.ReadOneAsync(connection, tx, id, ct);
        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        await SiteCalendars.WriteAsync(connection, tx, id, body, ct);
        var after = await SiteCalendars.ReadOneAsync(connection, tx, id, ct);
        await change.RecordAsync("supplier.calendar_changed", "supplier", id, before.Version == 0 ? null : before, after);
        // Its own resource, not "supplier": a site's events carry its profile, and the next one is told apart from the last.
        var visibility = status == "published" ? DisclosureLevel.Public : DisclosureLevel.Coordinators;
        await change.EmitAsync(new Outbox.Change("supplier.calendar_changed", "supplier_calendar", id, id, after.Version, visibility),
            before.Version == 0 ? null : before, after);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    public static Ok<PublicHolidayYear> GetHolidays([Range(1900, 2200)] int year, BusinessCalendar calendar, HttpContext http)
    {
        var english = Language.IsEnglish(http.Request);
        return TypedResults.Ok(new PublicHolidayYear
        {
            Year = year,
            Known = year >= calendar.FirstKnownYear && year <= calendar.LastKnownYear,
            LastKnownYear = calendar.LastKnownYear,
            Holidays = [.. calendar.HolidaysIn(year).Select(h => new PublicHolidayItem { Date = h.Date, Name = english ? h.NameEn : h.NameJa })],
        });
    }

    /// <summary>What the annotations cannot say: each period's own rules, open weekdays, and how much every-year periods close.</summary>
    internal static Dictionary<string, string[]> Check(SupplierCalendarInput body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.WeeklyClosed.Distinct().Count() >= 7)
        {
            errors["weeklyClosed"] = ["A site is open on at least one day of the week."];
        }

        var everyYearDays = new HashSet<int>();
        foreach (var (period, i) in body.Closed.Select((p, i) => (p, i)))
        {
            // JSON may hold null for a period; the annotations do not look inside the list.
            if (period is null)
            {
                errors[$"closed[{i}]"] = [Validation.Required];
                continue;
            }

            var messages = Validation.Errors(period);
            if (string.IsNullOrWhiteSpace(period.Label) && !messages.ContainsKey("label"))
            {
                messages["label"] = [Validation.Required];
            }

            if (period.To < period.From)
            {
                messages["to"] = ["A closed period ends on or after the day it starts."];
            }
            else if (period.To.DayNumber - period.From.DayNumber + 1 > MaxPeriodDays)
            {
                messages["to"] = [$"A closed period is at most {MaxPeriodDays} days long."];
            }
            else if (period.EveryYear)
            {
                for (var day = period.From; day <= period.To; day = day.AddDays(1))
                {
                    everyYearDays.Add((day.Month * 100) + day.Day);
                }
            }

            foreach (var (field, list) in messages)
            {
                errors[$"closed[{i}].{field}"] = list;
            }
        }

        if (everyYearDays.Count > MaxEveryYearDays)
        {
            errors["closed"] = [$"Periods repeating every year close at most {MaxEveryYearDays} days of a year together."];
        }

        return errors;
    }
}
