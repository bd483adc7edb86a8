using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Attacks;

/// <summary>
/// The review's findings tried from outside against a host started like production: cutting a center out of the
/// tree, answers for emergencies nobody launched, guessing kiosk ids, and ID-card numbers from kiosks.
/// </summary>
[Collection(ProductionHostCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class OutsiderAttackTests(ProductionHostFixture fixture)
{
    private readonly string _district = $"d{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task StaffCannotCutTheirCenterOutOfTheTree()
    {
        using var districtOperator = fixture.ClientAs(Role.Operator, _district);
        await CreateAsync(districtOperator, Center(_district, "district", null));
        await CreateAsync(districtOperator, Center($"{_district}-c1", "community", _district));
        using var staff = fixture.ClientAs(Role.Staff, $"{_district}-c1");

        var cut = await staff.PutAsJsonAsync($"/api/v1/centers/{_district}-c1", Center($"{_district}-c1", "community", null));
        var children = await districtOperator.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{_district}/children");

        Assert.Equal(HttpStatusCode.Forbidden, cut.StatusCode);
        Assert.Equal([$"{_district}-c1"], children.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnAnswerForAnEmergencyNobodyLaunchedIsNotFound()
    {
        using var phone = fixture.Host.Client();

        var answer = await phone.PostAsJsonAsync($"/api/v1/emergencies/em-{Guid.NewGuid():N}/responses", new { token = "AAAAAAAAAAAAAAAAAAAAAA", status = "acknowledged" });

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task AnIdCardNumberAKioskSendsIsStoredOnlyAsAPseudonym()
    {
        const string idCard = "110105199001011234";
        using var districtOperator = fixture.ClientAs(Role.Operator, _district);
        await CreateAsync(districtOperator, Center(_district, "district", null));
        await CreateAsync(districtOperator, Center($"{_district}-c1", "community", _district));
        (await districtOperator.PostAsJsonAsync("/api/v1/kiosks", new { id = $"k-{_district}", centerId = $"{_district}-c1", name = "自助终端" })).EnsureSuccessStatusCode();
        var key = await (await districtOperator.PostAsync($"/api/v1/kiosks/k-{_district}/keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var kiosk = fixture.Host.Client();
        kiosk.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key.GetProperty("authorization").GetString());

        var posted = await kiosk.PostAsJsonAsync($"/api/v1/kiosks/k-{_district}/events", new
        {
            events = new[] { new { eventId = Guid.NewGuid().ToString(), occurredAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssK"), type = "checkIn", personId = idCard, purpose = "convenienceServices" } },
        });
        var activity = await TestSupport.Eventually.HoldsAsync(
            () => districtOperator.GetStringAsync($"/api/v1/centers/{_district}-c1/activity"),
            a => JsonDocument.Parse(a).RootElement.GetProperty("inside").GetArrayLength() == 1);
        var byNumber = await districtOperator.GetAsync($"/api/v1/people/{idCard}/ledger");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.StartsWith(PersonPseudonyms.Prefix, JsonDocument.Parse(activity).RootElement.GetProperty("inside")[0].GetProperty("personId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", activity, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byNumber.StatusCode);
        Assert.DoesNotContain(fixture.Host.Output, l => l.Contains(idCard, StringComparison.Ordinal));
    }

    private static async Task CreateAsync(HttpClient client, object center) =>
        (await client.PostAsJsonAsync("/api/v1/centers", center)).EnsureSuccessStatusCode();

    private static object Center(string id, string level, string? parentId) => Registry.Requests.Center(id, level, parentId);
}
