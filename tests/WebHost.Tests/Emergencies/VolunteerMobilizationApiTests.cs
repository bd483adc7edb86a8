using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Emergencies;

/// <summary>What a person's own page reads besides their alerts: their grid by name, their answer, their post, the phase.</summary>
public sealed class VolunteerMobilizationApiTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private readonly EmergencyDistrict _d = new(fixture.Host);

    public Task InitializeAsync() => _d.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APageOpenedAgainLearnsTheHomeGridByNameTheAnswerThePostAndWhenTheEmergencyEnded()
    {
        var person = _d.Id("a-v1");
        var posts = new object[] { new { id = "dike", name = "东堤沙袋点", quota = 1, reserve = new[] { person }, askAtOnce = 1 } };
        var emergency = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA), mode: "exercise", posts: posts));
        var token = await _d.TokenAsync(person, emergency);
        await Eventually.HoldsAsync(() => LineAsync(person, emergency), l => l.ValueKind == JsonValueKind.Object && l.GetProperty("postId").GetString() == "dike", Deadline, "the ask for the post");

        (await _d.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/responses", EmergencyRequests.Reply(token, "enRoute"))).EnsureSuccessStatusCode();
        var page = await _d.As(Role.Volunteer, person).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}/mobilization");
        (await _d.Operator.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/end", new { comment = "演练结束" })).EnsureSuccessStatusCode();
        var ended = await LineAsync(person, emergency);

        Assert.Equal((_d.GridA, $"{_d.GridA}网格", $"{_d.Id("a")}党群服务中心"),
            (page.GetProperty("homeGridId").GetString(), page.GetProperty("homeGridName").GetString(), page.GetProperty("homeCenterName").GetString()));
        var line = page.GetProperty("emergencies").EnumerateArray().Single(e => e.GetProperty("emergencyId").GetString() == emergency);
        Assert.Equal(("running", "enRoute", false, "dike", "东堤沙袋点"), (line.GetProperty("phase").GetString(), line.GetProperty("status").GetString(),
            line.GetProperty("answeredOnBehalf").GetBoolean(), line.GetProperty("postId").GetString(), line.GetProperty("postName").GetString()));
        Assert.NotEqual(JsonValueKind.Null, line.GetProperty("answeredAt").ValueKind);
        Assert.Equal(("ended", "enRoute"), (ended.GetProperty("phase").GetString(), ended.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AnAskThatExpiredIsNoLongerThePersonsPostAndALateAnswerCountsOnlyForTheRollCall()
    {
        var (first, second) = (_d.Id("a-v1"), _d.Id("a-v2"));
        var posts = new object[] { new { id = "dike", name = "东堤沙袋点", quota = 1, reserve = new[] { first, second }, askAtOnce = 1 } };
        var emergency = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(
            EmergencyRequests.Grids(_d.GridA), mode: "exercise", posts: posts, timers: new { askTimeoutSeconds = 1 }));
        var token = await _d.TokenAsync(first, emergency);
        await Eventually.HoldsAsync(() => LineAsync(second, emergency), l => l.ValueKind == JsonValueKind.Object && l.GetProperty("postId").GetString() == "dike", Deadline, "the next person asked");

        var expired = await LineAsync(first, emergency);
        (await _d.Anonymous.PostAsJsonAsync($"/api/v1/emergencies/{emergency}/responses", EmergencyRequests.Reply(token, "atPost"))).EnsureSuccessStatusCode();
        var late = await LineAsync(first, emergency);
        var post = (await _d.RollCallAsync(emergency)).GetProperty("posts").EnumerateArray().Single();

        Assert.Equal(JsonValueKind.Null, expired.GetProperty("postId").ValueKind);
        Assert.Equal(("atPost", JsonValueKind.Null), (late.GetProperty("status").GetString(), late.GetProperty("postId").ValueKind));
        // The next person's ask may have run out too by now; the late answer never fills the post.
        Assert.Equal(0, post.GetProperty("atPost").GetInt32());
        Assert.True(post.GetProperty("expired").GetInt32() >= 1);
    }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private async Task<JsonElement> LineAsync(string person, string emergency)
    {
        var page = await _d.As(Role.Volunteer, person).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}/mobilization");
        return page.GetProperty("emergencies").EnumerateArray().FirstOrDefault(e => e.GetProperty("emergencyId").GetString() == emergency);
    }
}
