using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Emergencies;
using Lianxin.WebHost.Tests.Registry;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>Phones are whole for the person and their grid lead, masked on everyone else's screens; never an id in a URL.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class PhoneMaskingTests : IAsyncLifetime
{
    private const string Phone = "13912345678";
    private const string Masked = "139****5678";
    private LianxinWebFactory _host = null!;
    private EmergencyDistrict _d = null!;

    public async Task InitializeAsync()
    {
        _host = new LianxinWebFactory(await TestDatabase.CreateAsync());
        _d = new EmergencyDistrict(_host);
        await _d.CreateAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheRegistryShowsAPhoneWholeOnlyToThePersonAndTheirGridLead()
    {
        var person = _d.Id("a-v1");
        string? PhoneOf(JsonElement p) => p.GetProperty("profile").GetProperty("phone").GetString();

        var asOperator = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}");
        var asAuditor = await _d.As(Role.Auditor, _d.District).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}");
        var asSelf = await _d.As(Role.Volunteer, person).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}");
        var asLead = await _d.As(Role.GridLead, _d.GridA).GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/{person}");
        var roster = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/grids/{_d.GridA}/roster");

        Assert.Equal((Masked, Masked, Phone, Phone), (PhoneOf(asOperator), PhoneOf(asAuditor), PhoneOf(asSelf), PhoneOf(asLead)));
        Assert.All(roster.EnumerateArray(), m => Assert.Equal(Masked, PhoneOf(m.GetProperty("person"))));
    }

    [Fact]
    public async Task TheCommandCentersRollCallListsShowPhonesMasked()
    {
        var emergency = await _d.LaunchAsync(_d.Operator, EmergencyRequests.Launch(EmergencyRequests.Grids(_d.GridA)));

        var unaccounted = await _d.Operator.GetFromJsonAsync<JsonElement>($"/api/v1/emergencies/{emergency}/unaccounted");
        var raw = await _d.Operator.GetStringAsync($"/api/v1/emergencies/{emergency}/people?unaccounted=true");

        Assert.Equal(3, unaccounted.GetArrayLength());
        Assert.All(unaccounted.EnumerateArray(), p => Assert.Equal(Masked, p.GetProperty("phone").GetString()));
        Assert.DoesNotContain(Phone, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoneOrIdNumberIsNeverAcceptedAsAnIdThatWouldGoIntoUrls()
    {
        var asPhone = await _d.Operator.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer(Phone, _d.GridA));
        var asIdNumber = await _d.Operator.PostAsJsonAsync("/api/v1/volunteers", Requests.Volunteer("110105199001011234", _d.GridA));

        await ProblemAssert.HasFieldErrorAsync(asPhone, "id");
        await ProblemAssert.HasFieldErrorAsync(asIdNumber, "id");
    }
}
