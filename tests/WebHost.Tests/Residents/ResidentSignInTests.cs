using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Audit;
using Lianxin.Residents;
using Lianxin.WebHost.Security;
using Microsoft.Extensions.DependencyInjection;
using static Lianxin.WebHost.Tests.Residents.ResidentHost;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>
/// Residents sign in with a code sent by SMS: it works once, only until it expires, for a few attempts, and codes are
/// limited per number and per address across hosts; the number is never logged, audited or answered.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ResidentHostCollection.Name)]
public sealed class ResidentSignInTests(ResidentHost host)
{
    [Fact]
    public async Task ACodeSentBySmsSignsTheResidentInOnceAndTheNumberIsNeverLoggedAuditedOrAnswered()
    {
        const string phone = "13911112222";
        var client = host.From("198.51.100.1");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await client.PostAsJsonAsync("/api/v1/residents/sign-in/codes", new { phone });
        var answer = await response.Content.ReadAsStringAsync();
        var sms = host.Sms.Received.Single(m => m.GetProperty("recipients")[0].GetProperty("phone").GetString() == phone);
        var code = System.Text.RegularExpressions.Regex.Match(sms.GetProperty("text").GetString()!, "[0-9]{6}").Value;
        var signedIn = await SignInAsync(client, phone, code);
        var me = await host.WithToken(signedIn.GetProperty("token").GetString()!).GetFromJsonAsync<JsonElement>("/api/v1/me");
        var again = await SignInAsync(client, phone, code, HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(answer).RootElement.GetProperty("code").ValueKind);
        Assert.Equal("resident", me.GetProperty("role").GetString());
        Assert.StartsWith("pid-", me.GetProperty("personId").GetString(), StringComparison.Ordinal);
        Assert.Equal(signedIn.GetProperty("personId").GetString(), me.GetProperty("personId").GetString());
        Assert.Equal("noCode", again.GetProperty("outcome").GetString());
        var audits = await host.Grains().GetGrain<IAuditGrain>(0).QueryAsync(new AuditQuery(since, null, null, "resident:", 100, null));
        Assert.Contains(audits, a => a.Action == "resident.signedIn");
        Assert.Contains(audits, a => a.Action == "resident.signInFailed");
        var everything = string.Join('\n', host.Logs.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values))
            .Concat(audits.Select(a => JsonSerializer.Serialize(a))).Append(answer).Append(me.GetRawText()).Append(signedIn.GetRawText()));
        // The request log saw the sign-in, by its route template only.
        Assert.Contains(host.Logs, e => e.RenderMessage().Contains("/api/v1/residents/sign-in/codes", StringComparison.Ordinal));
        Assert.DoesNotContain(phone, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[3..], everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeIsAnsweredOnlyWhenDemoModeAsksForIt()
    {
        const string phone = "13911115555";
        var pseudonym = host.Host.Services.GetRequiredService<PersonPseudonyms>().Of(phone);
        var actor = host.Grains().GetGrain<IResidentSignInGrain>(pseudonym);

        var hidden = await actor.IssueAsync(new SignInCodeRequest(phone, TimeSpan.FromMinutes(5), Reveal: false));
        var shown = await actor.IssueAsync(new SignInCodeRequest(phone, TimeSpan.FromMinutes(5), Reveal: true));
        var signedIn = await SignInAsync(host.From("198.51.100.7"), phone, shown.Code!);

        Assert.Null(hidden.Code);
        Assert.Equal(SignInCodeDelivery.Sent, shown.Delivery);
        Assert.Equal(pseudonym, signedIn.GetProperty("personId").GetString());
    }

    [Fact]
    public async Task ACodeExpires()
    {
        const string phone = "13911113333";
        var client = host.From("198.51.100.2");
        var code = await host.CodeSentToAsync(client, phone);

        host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await SignInAsync(client, phone, code, HttpStatusCode.BadRequest);

        Assert.Equal("expired", late.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ACodeTakesOnlyAFewWrongAttemptsThenEvenTheRightOneFails()
    {
        const string phone = "13911114444";
        var client = host.From("198.51.100.3");
        var code = await host.CodeSentToAsync(client, phone);
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = new List<string?>();
        for (var i = 0; i < CodeAttempts; i++)
        {
            answers.Add((await SignInAsync(client, phone, wrong, HttpStatusCode.BadRequest)).GetProperty("outcome").GetString());
        }

        var right = await SignInAsync(client, phone, code, HttpStatusCode.BadRequest);

        Assert.Equal([.. Enumerable.Repeat("wrong", CodeAttempts - 1), "attemptsUsed"], answers);
        Assert.Equal("noCode", right.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task CodesAreLimitedPerNumberWhateverTheAddressAndPerAddressWhateverTheNumber()
    {
        var a = host.From("198.51.100.4");
        var b = host.From("198.51.100.5");

        var fromA = new List<HttpStatusCode>();
        foreach (var phone in new[] { "13922220001", "13922220001", "13922220001", "13922220002", "13922220003" })
        {
            fromA.Add((await a.PostAsJsonAsync("/api/v1/residents/sign-in/codes", new { phone })).StatusCode);
        }

        var sameNumberElsewhere = await b.PostAsJsonAsync("/api/v1/residents/sign-in/codes", new { phone = "+8613922220001" });
        var otherNumberElsewhere = await b.PostAsJsonAsync("/api/v1/residents/sign-in/codes", new { phone = "13922220004" });

        // Per number: two codes, then refused, also from another address and spelled with +86. Per address: four asks.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], fromA);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameNumberElsewhere.StatusCode);
        Assert.Equal("application/problem+json", sameNumberElsewhere.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(sameNumberElsewhere.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, otherNumberElsewhere.StatusCode);
    }

    [Fact]
    public async Task CodeAnswersAreLimitedPerAddress()
    {
        var client = host.From("198.51.100.6");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= VerificationsPerAddress; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/residents/sign-in", new { phone = $"1393333{i:D4}", code = "123456" })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, VerificationsPerAddress), HttpStatusCode.TooManyRequests], statuses);
    }
}
