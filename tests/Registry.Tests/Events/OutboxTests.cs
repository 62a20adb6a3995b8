using System.Text.Json.Nodes;
using Registry.Api.Events;

namespace Registry.Tests.Events;

public sealed class OutboxTests
{
    [Fact]
    public void ChangedFieldsNameTheTopLevelMembersThatDifferButNotTheBookkeeping()
    {
        var before = JsonNode.Parse("""{"name":"A","sections":{"x":1,"y":[1,2]},"tags":["a"],"version":3,"updatedAt":"2026-01-01","gone":7}""");
        var after = JsonNode.Parse("""{"name":"A","sections":{"x":1,"y":[1,3]},"tags":["a"],"version":4,"updatedAt":"2026-01-02","added":2,"gone":null}""");

        Assert.Equal(["added", "gone", "sections"], Outbox.ChangedFields(before, after));
    }

    [Fact]
    public void ACreationOrATombstoneChangesEveryField()
    {
        var state = JsonNode.Parse("""{"b":1,"a":"x","version":1}""");

        Assert.Equal(["a", "b"], Outbox.ChangedFields(null, state));
        Assert.Equal(["a", "b"], Outbox.ChangedFields(state, null));
        Assert.Empty(Outbox.ChangedFields(state, state!.DeepClone()));
    }
}
