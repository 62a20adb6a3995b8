using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Errors;

namespace Registry.Api.Changes;

/// <summary>
/// A resource's lifecycle as data: for each action, the states it may start from, the state it leads to and the
/// event it records. Every resource with states (sites, matching requests, clusters, themes; orders, meetings,
/// openings, scenarios and programmes next) declares one table and asks it, so that a refused action always answers
/// the same 409, naming the state the resource is in and the states the action needs.
/// </summary>
/// <param name="Noun">How a problem names the resource ("site", "request").</param>
public sealed class Transitions(string Noun)
{
    private readonly Dictionary<string, Move> _moves = new(StringComparer.Ordinal);

    /// <summary>One action: from any of <paramref name="From"/> to <paramref name="To"/>, recorded as <paramref name="Event"/>.</summary>
    public sealed record Move(string Action, IReadOnlyList<string> From, string To, string Event);

    /// <summary>Adds an action (states by their wire names, as stored).</summary>
    public Transitions Add(string action, string[] from, string to, string happened)
    {
        _moves.Add(action, new Move(action, from, to, happened));
        return this;
    }

    /// <summary>The actions in the order they were declared, for mapping one endpoint per action.</summary>
    public IEnumerable<Move> Moves => _moves.Values;

    public Move this[string action] => _moves[action];

    /// <summary>The step <paramref name="action"/> takes from <paramref name="current"/>, or the 409 that refuses it.</summary>
    public (Move? Move, ProblemHttpResult? Refusal) From(string current, string action)
    {
        var step = _moves[action];
        return step.From.Contains(current, StringComparer.Ordinal)
            ? (step, null)
            : (null, Problems.Conflict($"The {Noun} is {current}; '{action}' needs it {string.Join(" or ", step.From)}."));
    }
}
