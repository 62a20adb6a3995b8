using Microsoft.Extensions.Time.Testing;
using Registry.Api.Changes;
using Registry.Api.Http;

namespace Registry.Tests.Changes;

public sealed class TransitionsTests
{
    private static readonly Transitions s_lifecycle = new Transitions("request")
        .Add("open", ["draft"], "open", "matching_request.opened")
        .Add("cancel", ["draft", "open"], "cancelled", "matching_request.cancelled");

    [Fact]
    public void AnAllowedActionGivesItsTargetAndEvent()
    {
        var (move, refusal) = s_lifecycle.From("open", "cancel");

        Assert.Null(refusal);
        Assert.Equal("cancelled", move!.To);
        Assert.Equal("matching_request.cancelled", move.Event);
    }

    [Fact]
    public void ARefusedActionIsA409NamingTheStateAndWhatTheActionNeeds()
    {
        var (move, refusal) = s_lifecycle.From("cancelled", "cancel");

        Assert.Null(move);
        Assert.Equal(409, refusal!.StatusCode);
        Assert.Equal("The request is cancelled; 'cancel' needs it draft or open.", refusal.ProblemDetails.Detail);
    }

    [Fact]
    public void ActionsAreListedInTheOrderDeclared() =>
        Assert.Equal(["open", "cancel"], s_lifecycle.Moves.Select(m => m.Action));

    [Fact]
    public void TodayIsTheInjectedClocksDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 2, 28, 23, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2031, 2, 28), clock.Today());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2031, 3, 1), clock.Today());
    }
}
