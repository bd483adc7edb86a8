using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.IdentityModel.Tokens;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>
/// Unauthenticated requests naming made-up ids must not wake one actor each: answers for emergencies nobody
/// launched are refused from the web host's own list, and guessing kiosk ids stops once an address has failed too
/// often, before the guesses reach their actors. The host allows 3 failed sign-ins an hour.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class ActivationFloodTests : IAsyncLifetime
{
    private const int FailedSignIns = 3;
    private LianxinWebFactory _host = null!;

    public async Task InitializeAsync() => _host = await KioskHost.StartAsync(settings: new()
    {
        ["Limits:FailedAuthenticationPermitLimit"] = FailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:FailedAuthenticationWindow"] = "01:00:00",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AnAnswerForAnEmergencyNobodyLaunchedWakesNoActor()
    {
        var id = $"em-{Guid.NewGuid():N}"[..23];
        using var phone = _host.CreateClient();

        var answer = await phone.PostAsJsonAsync($"/api/v1/emergencies/{id}/responses", new { token = "AAAAAAAAAAAAAAAAAAAAAA", status = "acknowledged" });

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.NotFound);
        Assert.False(await IsActiveAsync(id));
    }

    [Fact]
    public async Task GuessingKioskIdsStopsBeforeTheGuessesWakeActorsWhileAProvenKioskGoesOn()
    {
        var (kiosk, kioskId, _, _) = await _host.KioskAsync();
        (await Heartbeat(kiosk, kioskId)).EnsureSuccessStatusCode();
        var guesses = Enumerable.Range(0, FailedSignIns + 1).Select(_ => $"k-{Guid.NewGuid():N}"[..14]).ToList();

        var answers = new List<HttpResponseMessage>();
        foreach (var guess in guesses)
        {
            using var attacker = _host.CreateClient();
            attacker.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Kiosk {guess}.{new string('x', 43)}");
            answers.Add(await Heartbeat(attacker, guess));
        }

        var stillWorking = await Heartbeat(kiosk, kioskId);

        Assert.All(answers[..FailedSignIns], a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await ProblemAssert.IsProblemAsync(answers[FailedSignIns], HttpStatusCode.TooManyRequests);
        Assert.True(await IsActiveAsync(guesses[0]));
        Assert.False(await IsActiveAsync(guesses[FailedSignIns]));
        Assert.Equal(HttpStatusCode.OK, stillWorking.StatusCode);
    }

    [Fact]
    public async Task ForgedTokensBeyondTheLimitAreTooManyWhileAValidTokenFromTheSameAddressPasses()
    {
        var forger = new TokenIssuer(new AuthOptions(), new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
        using var attacker = _host.CreateClient();
        attacker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forger.Issue(new Caller("x", Role.Operator, "ld")).Token);
        using var staff = await _host.StaffAsync($"d-{Guid.NewGuid():N}"[..12]);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= FailedSignIns; i++)
        {
            answers.Add((await attacker.GetAsync("/api/v1/emergencies")).StatusCode);
        }

        var valid = await staff.GetAsync("/api/v1/emergencies");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, FailedSignIns).Append(HttpStatusCode.TooManyRequests), answers);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    private static Task<HttpResponseMessage> Heartbeat(HttpClient client, string kioskId) =>
        client.PostAsJsonAsync($"/api/v1/kiosks/{kioskId}/heartbeat", new { appVersion = "1.0", peripherals = new Dictionary<string, string> { ["printer"] = "ok" } });

    private async Task<bool> IsActiveAsync(string key)
    {
        var statistics = await _host.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Any(s => s.GrainId.Key.ToString() == key);
    }
}
