using System.Text.Json.Nodes;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Live;
using Xunit;

namespace Lianxin.Grains.Tests.Live;

/// <summary>The feed's picture without a cluster: what a cut sends in each protocol version, and what a client rebuilds from it.</summary>
public sealed class LivePictureTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DeltaOfABusyCenterCarriesOnlyTheFiguresThatChanged()
    {
        var picture = Region("ld", Card("ld", CenterLevel.District, null), Card("c1", CenterLevel.Community, "ld"));

        picture.PublishActivity("c1", Figures(people: 3, convenience: 7), T0.AddSeconds(1));
        var delta = Version2(picture.CutPatch(2, T0.AddSeconds(1))!);

        var patch = delta["patches"]!["center:c1"]!.AsObject();
        Assert.Equal(["live"], patch.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"peopleInside":3,"checkInsTodayByFunction":{"convenienceServices":7}}"""), patch["live"]));
        Assert.Equal(3, delta["patches"]!["summary"]!["subtree"]!["peopleInside"]!.GetValue<int>());
        Assert.Empty(delta["items"]!.AsObject());
    }

    [Fact]
    public void SnapshotPlusPatchesEqualsTheNextSnapshotThroughEveryChange()
    {
        var picture = Region("ld", Card("ld", CenterLevel.District, null), Card("c1", CenterLevel.Community, "ld"));
        var client = Json(picture.Items);
        var sequence = 1L;

        picture.PublishActivity("c1", Figures(people: 5, convenience: 1), T0.AddSeconds(1));
        Apply(client, picture.CutPatch(++sequence, T0.AddSeconds(1))!);
        picture.PublishActivity("c1", Figures(people: 0, convenience: 0), T0.AddSeconds(2)); // a day reset: counts go away
        picture.Publish("center:c2", Card("c2", CenterLevel.Village, "ld"));                // a new center
        Apply(client, picture.CutPatch(++sequence, T0.AddSeconds(2))!);
        picture.Publish("center:c1", Card("c1", CenterLevel.Community, "ld", onDuty: 4, at: T0.AddSeconds(3)));
        picture.Remove("center:c2");
        Apply(client, picture.CutPatch(++sequence, T0.AddSeconds(3))!);

        var server = Json(picture.Items);
        foreach (var key in server.Select(p => p.Key))
        {
            Assert.True(JsonNode.DeepEquals(Without(server[key], "asOf"), Without(client[key], "asOf")), key);
        }

        Assert.Equal(server.Select(p => p.Key).Order(), client.Select(p => p.Key).Order());
        Assert.Equal(4, server["center:c1"]!["live"]!["volunteersOnDuty"]!.GetValue<int>());
        Assert.Equal(0, server["center:c1"]!["live"]!["peopleInside"]!.GetValue<int>());
    }

    [Fact]
    public void ActivityFiguresWinOverTheLaggingFiguresOfALaterCard()
    {
        var picture = Region("ld", Card("ld", CenterLevel.District, null), Card("c1", CenterLevel.Community, "ld"));
        picture.PublishActivity("c1", Figures(people: 9, convenience: 2), T0.AddSeconds(1));
        picture.CutPatch(2, T0.AddSeconds(1));
        picture.CutDelta(2);

        // The center's own card, published after the activity's figures but still showing older ones.
        picture.Publish("center:c1", Card("c1", CenterLevel.Community, "ld", onDuty: 1, at: T0.AddSeconds(2)));
        var patch = picture.CutPatch(3, T0.AddSeconds(2))!;

        var card = Assert.IsType<CenterCard>(picture.CutDelta(3)!.Items["center:c1"]);
        Assert.Equal((9, 1), (card.Live.PeopleInside, card.Live.VolunteersOnDuty));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"live":{"volunteersOnDuty":1}}"""), Version2(patch)["patches"]!["center:c1"]));
    }

    [Fact]
    public void VersionOneDeltaHoldsEveryItemPatchedSinceTheLastOneWholeAsOfItsLastPatch()
    {
        var picture = Region("ld", Card("ld", CenterLevel.District, null), Card("c1", CenterLevel.Community, "ld"));
        picture.Publish("center:c2", Card("c2", CenterLevel.Village, "ld"));
        picture.CutPatch(2, T0.AddSeconds(1));

        picture.PublishActivity("c1", Figures(people: 2, convenience: 1), T0.AddSeconds(2));
        picture.CutPatch(3, T0.AddSeconds(2));
        picture.PublishActivity("c1", Figures(people: 4, convenience: 3), T0.AddSeconds(3));
        picture.Remove("center:c2");
        picture.CutPatch(4, T0.AddSeconds(3));
        picture.PublishActivity("c1", Figures(people: 5, convenience: 4), T0.AddSeconds(4)); // not patched yet

        var delta = picture.CutDelta(2)!;

        Assert.Equal(["center:c1", "summary"], delta.Items.Keys.Order());
        Assert.Equal(4, Assert.IsType<CenterCard>(delta.Items["center:c1"]).Live.PeopleInside);
        Assert.Equal(["center:c2"], delta.Removed);
        Assert.Null(picture.CutDelta(3));
        Assert.True(picture.HasChanges);
    }

    [Fact]
    public void RepublishedCardThatDiffersOnlyInItsTimeSendsNothing()
    {
        var picture = Region("ld", Card("ld", CenterLevel.District, null));

        picture.Publish("center:ld", Card("ld", CenterLevel.District, null, at: T0.AddSeconds(5)));

        Assert.Null(picture.CutPatch(2, T0.AddSeconds(5)));
        Assert.False(picture.HasChanges);
        Assert.Null(picture.CutDelta(2));
    }

    [Fact]
    public void MergePatchNeverCarriesANullValueItWouldTurnIntoADeletion()
    {
        var before = JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3}}""");

        Assert.Equal(LiveMergePatch.Outcome.Whole, LiveMergePatch.Diff(before, JsonNode.Parse("""{"a":null,"b":{"c":2,"d":3}}"""), out _));
        Assert.Equal(LiveMergePatch.Outcome.Unchanged, LiveMergePatch.Diff(before, JsonNode.Parse("""{"b":{"d":3,"c":2},"a":1}"""), out _));
        Assert.Equal(LiveMergePatch.Outcome.Patch, LiveMergePatch.Diff(before, JsonNode.Parse("""{"a":1,"b":{"c":2}}"""), out var patch));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"b":{"d":null}}"""), patch));
    }

    private static LivePicture Region(string id, params CenterCard[] cards)
    {
        var picture = new LivePicture(LiveScope.Region(id));
        picture.Seed(cards.ToDictionary(c => LiveItemKeys.Center(c.Id), c => (object)c), T0);
        return picture;
    }

    private static CenterCard Card(string id, CenterLevel level, string? parentId, int onDuty = 0, DateTimeOffset? at = null) => new(
        id, $"{id} 党群服务中心", level, parentId, new GeoPoint(27.7, 121.1), new OpeningHours(new TimeOnly(8, 0), new TimeOnly(20, 0)), true,
        CenterLive.Empty with { VolunteersOnDuty = onDuty }, 1, 2, at ?? T0);

    private static CenterActivityFigures Figures(int people, int convenience) => new(
        people, convenience == 0 ? new Dictionary<BasicFunction, int>() : new() { [BasicFunction.ConvenienceServices] = convenience }, 0, 0);

    private static JsonObject Version2(LivePatch patch) => JsonNode.Parse(patch.Json)!.AsObject();

    private static JsonObject Json(IReadOnlyDictionary<string, object> items) =>
        System.Text.Json.JsonSerializer.SerializeToNode(items, LiveJson.Options)!.AsObject();

    /// <summary>What a version-2 client does with a patch (docs/live-protocol.md).</summary>
    private static void Apply(JsonObject held, LivePatch message)
    {
        var wire = Version2(message);
        foreach (var (key, item) in wire["items"]!.AsObject())
        {
            held[key] = item?.DeepClone();
        }

        foreach (var (key, patch) in wire["patches"]!.AsObject())
        {
            held[key] = LiveMergePatch.Apply(held[key], patch);
        }

        foreach (var key in wire["removed"]!.AsArray())
        {
            held.Remove(key!.GetValue<string>());
        }
    }

    private static JsonNode? Without(JsonNode? item, string member)
    {
        var copy = item?.DeepClone();
        (copy as JsonObject)?.Remove(member);
        return copy;
    }
}
