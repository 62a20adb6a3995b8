using System.Globalization;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>
/// What a gathering's description must satisfy beyond its fields' own ranges, and the times of its slots: a session
/// runs from its start (Japan time on the day) for its slots of 15–30 minutes, sessions in order without overlapping
/// and within the day. Slots are numbered across the day, session after session, as the scheduler sees them.
/// </summary>
public static class GatheringRules
{
    private static readonly TimeSpan s_japan = TimeSpan.FromHours(9);

    public sealed record Slot(int Index, int Session, int SlotInSession, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public static Dictionary<string, string[]> Check(GatheringInput input, DateOnly today, bool creating)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (creating && input.HeldOn < today)
        {
            errors["heldOn"] = ["The day must not be in the past."];
        }

        DateTimeOffset? previousEnd = null;
        for (var i = 0; i < input.Sessions.Count; i++)
        {
            var session = input.Sessions[i];
            var problem = session switch
            {
                { SlotMinutes: < 15 or > 30 } => "A slot is 15 to 30 minutes.",
                { Slots: < 1 or > 40 } => "A session has 1 to 40 slots.",
                { Tables: < 1 or > 200 } => "A session has 1 to 200 tables.",
                _ when !TryStart(input.HeldOn, session.StartsAt, out _) => "The start is HH:mm.",
                _ => null,
            };
            if (problem is null)
            {
                TryStart(input.HeldOn, session.StartsAt, out var start);
                var end = start.AddMinutes(session.SlotMinutes * session.Slots);
                if (end.ToOffset(s_japan).Date != start.ToOffset(s_japan).Date && end.ToOffset(s_japan).TimeOfDay != TimeSpan.Zero)
                {
                    problem = "A session ends on its day.";
                }
                else if (previousEnd is { } before && start < before)
                {
                    problem = "Sessions follow each other in time without overlapping.";
                }

                previousEnd = end;
            }

            if (problem is not null)
            {
                errors[$"sessions[{i}]"] = [problem];
            }
        }

        if (input.RegistrationClosesAt is { } closes && input.BookingClosesAt is { } booking && booking < closes)
        {
            errors["bookingClosesAt"] = ["Booking closes after registration closes."];
        }

        return errors;
    }

    /// <summary>Every slot of the day in time order.</summary>
    public static IReadOnlyList<Slot> Slots(DateOnly heldOn, IReadOnlyList<GatheringSession> sessions)
    {
        var slots = new List<Slot>();
        for (var s = 0; s < sessions.Count; s++)
        {
            if (!TryStart(heldOn, sessions[s].StartsAt, out var start))
            {
                continue;
            }

            for (var k = 0; k < sessions[s].Slots; k++)
            {
                var from = start.AddMinutes(k * sessions[s].SlotMinutes);
                slots.Add(new Slot(slots.Count, s, k, from, from.AddMinutes(sessions[s].SlotMinutes)));
            }
        }

        return slots;
    }

    private static bool TryStart(DateOnly day, string hhmm, out DateTimeOffset start)
    {
        start = default;
        if (!TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        start = new DateTimeOffset(day.ToDateTime(time), s_japan);
        return true;
    }
}
