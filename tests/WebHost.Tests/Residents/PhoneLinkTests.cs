using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Audit;
using Lianxin.Ledger;
using Lianxin.Residents;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.WebHost.Tests.Residents;

/// <summary>
/// A resident links their phone to their ID card in a kiosk's ID-card session, proving the phone with a code: from then
/// on a phone sign-in is the card's person and sees what either identity holds. Only a card session links or unlinks;
/// a phone linked to another card is refused; numbers are never logged or audited.
/// </summary>
[Trait("Needs", "PostgreSQL")]
[Collection(ResidentHostCollection.Name)]
public sealed class PhoneLinkTests(ResidentHost host)
{
    private const string CodesPath = "/api/v1/me/phone/codes";
    private const string LinkPath = "/api/v1/me/phone";

    [Fact]
    public async Task APhoneLinkedInACardSessionSignsInAsTheCardsPersonAndSeesWhatBothIdentitiesHold()
    {
        const string phone = "13966660001";
        const string idNumber = "110105198001010011";
        var operatorOfCenter = host.ClientAs(Role.Operator, ResidentHost.Center);
        (await operatorOfCenter.PostAsJsonAsync($"/api/v1/centers/{ResidentHost.Center}/activities", SecurityDistrict.ActivityRequest("link-act-phone"))).EnsureSuccessStatusCode();
        (await operatorOfCenter.PostAsJsonAsync($"/api/v1/centers/{ResidentHost.Center}/activities", SecurityDistrict.ActivityRequest("link-act-card"))).EnsureSuccessStatusCode();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (before, phoneId) = await PhoneSignInAsync(phone, "203.0.113.1");
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(before, "link-act-phone", phoneId)).StatusCode);
        var phoneOrder = await OrderAsync(before, "楼道灯坏了");
        var (card, cardId) = await CardSessionAsync(idNumber, "203.0.113.1");
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(card, "link-act-card", cardId)).StatusCode);
        await RecordHoursAsync(phoneId, hoursAgo: 5);
        await RecordHoursAsync(cardId, hoursAgo: 3);

        var linked = await LinkAsync(card, phone, await host.CodeSentToAsync(card, phone, CodesPath));
        var (after, afterId) = await PhoneSignInAsync(phone, "203.0.113.1");
        var me = await after.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var signUps = await after.GetFromJsonAsync<JsonElement>("/api/v1/me/sign-ups");
        var orders = await after.GetFromJsonAsync<JsonElement>("/api/v1/me/orders");
        var ledger = await after.GetFromJsonAsync<JsonElement>("/api/v1/me/ledger");
        var cardOrder = await OrderAsync(after, "需要上门理发");
        var cardOrderLoop = await host.Grains().GetGrain<Lianxin.HelpRequests.IHelpRequestGrain>(cardOrder).GetLoopAsync();
        var cardMe = await host.WithToken(linked.GetProperty("token").GetString()!).GetFromJsonAsync<JsonElement>("/api/v1/me");
        var cancelled = await after.PostAsync($"/api/v1/activities/link-act-phone/sign-ups/{phoneId}/cancel", null);

        Assert.Equal(cardId, linked.GetProperty("personId").GetString());
        Assert.Equal([phoneId], Strings(linked.GetProperty("aliases")));
        Assert.True(linked.GetProperty("phoneLinked").GetBoolean());
        Assert.Equal(cardId, afterId);
        Assert.Equal(cardId, me.GetProperty("personId").GetString());
        Assert.Equal("phoneCode", me.GetProperty("signedInBy").GetString());
        Assert.Equal([phoneId], Strings(me.GetProperty("aliases")));
        Assert.True(me.GetProperty("phoneLinked").GetBoolean());
        Assert.Equal(["link-act-card", "link-act-phone"], signUps.EnumerateArray().Select(s => s.GetProperty("activityId").GetString()));
        Assert.Equal([phoneOrder], orders.EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal(cardId, ledger.GetProperty("personId").GetString());
        Assert.Equal(2, ledger.GetProperty("hours").GetArrayLength());
        // What the linked person states now is recorded under the card, and listed first.
        Assert.Equal(cardId, cardOrderLoop?.PersonId);
        Assert.Equal([cardOrder, phoneOrder], (await after.GetFromJsonAsync<JsonElement>("/api/v1/me/orders")).EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal([phoneId], Strings(cardMe.GetProperty("aliases")));
        Assert.Equal("idCard", cardMe.GetProperty("signedInBy").GetString());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await AssertNoNumberAsync(since, phone, idNumber);
    }

    [Fact]
    public async Task APhoneTokenCannotLinkOrUnlinkAPhone()
    {
        const string phone = "13966660002";
        var (resident, _) = await PhoneSignInAsync(phone, "203.0.113.2");

        var refused = new[]
        {
            await resident.PostAsJsonAsync(CodesPath, new { phone }),
            await resident.PostAsJsonAsync(LinkPath, new { phone, code = "123456" }),
            await resident.DeleteAsync(LinkPath),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Contains("kiosk ID-card session", await refused[1].Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCodeDoesNotLinkAndCountsAnAttemptOfTheCode()
    {
        const string phone = "13966660003";
        var (card, cardId) = await CardSessionAsync("110105198001010038", "203.0.113.3");
        var code = await host.CodeSentToAsync(card, phone, CodesPath);
        var wrong = code == "000000" ? "111111" : "000000";

        var first = await card.PostAsJsonAsync(LinkPath, new { phone, code = wrong });
        var linksAfterWrong = await IdentityAsync(cardId);
        var second = await card.PostAsJsonAsync(LinkPath, new { phone, code = wrong });

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wrong", answer.GetProperty("outcome").GetString());
        Assert.Equal(ResidentHost.CodeAttempts - 1, answer.GetProperty("attemptsLeft").GetInt32());
        Assert.Empty(linksAfterWrong.Phones);
        Assert.Equal(ResidentHost.CodeAttempts - 2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptsLeft").GetInt32());
        Assert.Null((await IdentityAsync(Pseudonym(phone))).Card);
        Assert.Equal(HttpStatusCode.OK, (await card.PostAsJsonAsync(LinkPath, new { phone, code })).StatusCode);
    }

    [Fact]
    public async Task APhoneLinkedToAnotherCardIsRefusedAndNothingChanges()
    {
        const string phone = "13966660004";
        var (first, firstCard) = await CardSessionAsync("110105198001010054", "203.0.113.4");
        var (second, secondCard) = await CardSessionAsync("110105198001010070", "203.0.113.5");
        await LinkAsync(first, phone, await host.CodeSentToAsync(first, phone, CodesPath));

        var refused = await second.PostAsJsonAsync(LinkPath, new { phone, code = await host.CodeSentToAsync(second, phone, CodesPath) });
        var (_, signedInAs) = await PhoneSignInAsync(phone, "203.0.113.5");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("linkedToAnotherCard", problem.GetProperty("outcome").GetString());
        Assert.Contains("another ID card", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(firstCard, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal([Pseudonym(phone)], (await IdentityAsync(firstCard)).Phones);
        Assert.Empty((await IdentityAsync(secondCard)).Phones);
        Assert.Equal(firstCard, signedInAs);
    }

    [Fact]
    public async Task AfterUnlinkingThePhoneSignInIsItsOwnIdentityAgain()
    {
        const string phone = "13966660005";
        var (card, cardId) = await CardSessionAsync("110105198001010097", "203.0.113.6");
        await LinkAsync(card, phone, await host.CodeSentToAsync(card, phone, CodesPath));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var unlinked = await card.DeleteAsync(LinkPath);
        var again = await card.DeleteAsync(LinkPath);
        var (resident, personId) = await PhoneSignInAsync(phone, "203.0.113.6");
        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        var answer = await unlinked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("phoneLinked").GetBoolean());
        Assert.Empty(Strings(answer.GetProperty("aliases")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Pseudonym(phone), personId);
        Assert.Empty(Strings(me.GetProperty("aliases")));
        Assert.False(me.GetProperty("phoneLinked").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/people/{cardId}/ledger")).StatusCode);
        var unlink = Assert.Single(await AuditsAsync(since, cardId), a => a.Action == AuditActions.ResidentPhoneUnlinked);
        Assert.Contains(Pseudonym(phone), unlink.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendingTheLinkRequestAgainAnswersTheSame()
    {
        const string phone = "13966660006";
        var (card, cardId) = await CardSessionAsync("110105198001010118", "203.0.113.7");
        var code = await host.CodeSentToAsync(card, phone, CodesPath);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await LinkAsync(card, phone, code);
        var second = await LinkAsync(card, phone, code);

        Assert.Equal(first.GetProperty("personId").GetString(), second.GetProperty("personId").GetString());
        Assert.Equal(Strings(first.GetProperty("aliases")), Strings(second.GetProperty("aliases")));
        Assert.Equal(first.GetProperty("expiresAt").GetDateTimeOffset(), second.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal([Pseudonym(phone)], (await IdentityAsync(cardId)).Phones);
        Assert.Single(await AuditsAsync(since, cardId), a => a.Action == AuditActions.ResidentPhoneLinked);
    }

    [Fact]
    public async Task ALinkedResidentSeesNoOtherPersonsThingsThroughTheAliases()
    {
        const string phone = "13966660007";
        var operatorOfCenter = host.ClientAs(Role.Operator, ResidentHost.Center);
        (await operatorOfCenter.PostAsJsonAsync($"/api/v1/centers/{ResidentHost.Center}/activities", SecurityDistrict.ActivityRequest("link-act-other"))).EnsureSuccessStatusCode();
        var (stranger, strangerId) = await PhoneSignInAsync("13966660008", "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(stranger, "link-act-other", strangerId)).StatusCode);
        var strangerOrder = await OrderAsync(stranger, "邻居的需求");
        var (card, cardId) = await CardSessionAsync("110105198001010134", "203.0.113.9");
        await LinkAsync(card, phone, await host.CodeSentToAsync(card, phone, CodesPath));
        var (linked, _) = await PhoneSignInAsync(phone, "203.0.113.9");

        var refused = new[]
        {
            await linked.GetAsync($"/api/v1/people/{strangerId}/ledger"),
            await linked.GetAsync($"/api/v1/activities/link-act-other/sign-ups/{strangerId}"),
            await linked.PostAsync($"/api/v1/activities/link-act-other/sign-ups/{strangerId}/cancel", null),
            await linked.PostAsJsonAsync($"/api/v1/help-requests/{strangerOrder}/rate", new { rating = 1 }),
            await stranger.GetAsync($"/api/v1/people/{cardId}/ledger"),
            await stranger.GetAsync($"/api/v1/people/{Pseudonym(phone)}/ledger"),
        };
        var orders = await linked.GetFromJsonAsync<JsonElement>("/api/v1/me/orders");
        var signUps = await linked.GetFromJsonAsync<JsonElement>("/api/v1/me/sign-ups");

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Empty(orders.EnumerateArray());
        Assert.Empty(signUps.EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await linked.GetAsync($"/api/v1/people/{Pseudonym(phone)}/ledger")).StatusCode);
    }

    [Fact]
    public async Task OpenNeedsAreCountedAcrossTheLinkedIdentitiesAndASignUpIsNotTakenTwice()
    {
        const string phone = "13966660009";
        var operatorOfCenter = host.ClientAs(Role.Operator, ResidentHost.Center);
        (await operatorOfCenter.PostAsJsonAsync($"/api/v1/centers/{ResidentHost.Center}/activities", SecurityDistrict.ActivityRequest("link-act-twice"))).EnsureSuccessStatusCode();
        var (before, phoneId) = await PhoneSignInAsync(phone, "203.0.113.10");
        Assert.Equal(HttpStatusCode.OK, (await SignUpAsync(before, "link-act-twice", phoneId)).StatusCode);
        for (var i = 0; i < ResidentHost.OpenOrders; i++)
        {
            await OrderAsync(before, $"第{i}件事");
        }

        var (card, _) = await CardSessionAsync("110105198001010150", "203.0.113.10");
        var linked = await LinkAsync(card, phone, await host.CodeSentToAsync(card, phone, CodesPath));
        var session = host.WithToken(linked.GetProperty("token").GetString()!, "203.0.113.10");

        var order = await session.PostAsJsonAsync("/api/v1/me/orders", new { centerId = ResidentHost.Center, function = "careAssistance", description = "再来一件" });
        var signUp = await SignUpAsync(session, "link-act-twice", phoneId);

        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, signUp.StatusCode);
        Assert.Equal(ResidentHost.OpenOrders, (await session.GetFromJsonAsync<JsonElement>("/api/v1/me/orders")).GetArrayLength());
    }

    /// <summary>
    /// Signs in with a code the number's actor issues directly, so a test's link codes alone count against the number's
    /// limit (sending sign-in codes over HTTP is ResidentSignInTests' subject).
    /// </summary>
    private async Task<(HttpClient Client, string PersonId)> PhoneSignInAsync(string phone, string address)
    {
        var client = host.From(address);
        var issue = await host.Grains().GetGrain<IResidentSignInGrain>(Pseudonym(phone)).IssueAsync(new SignInCodeRequest(phone, TimeSpan.FromMinutes(5), Reveal: true));
        var signedIn = await ResidentHost.SignInAsync(client, phone, issue.Code!);
        return (host.WithToken(signedIn.GetProperty("token").GetString()!, address), signedIn.GetProperty("personId").GetString()!);
    }

    private async Task<(HttpClient Client, string PersonId)> CardSessionAsync(string idNumber, string address)
    {
        var response = await host.Kiosk.PostAsJsonAsync($"/api/v1/kiosks/{ResidentHost.KioskId}/resident-sessions", new { idNumber });
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (host.WithToken(session.GetProperty("token").GetString()!, address), session.GetProperty("personId").GetString()!);
    }

    private static async Task<JsonElement> LinkAsync(HttpClient card, string phone, string code)
    {
        var response = await card.PostAsJsonAsync(LinkPath, new { phone, code });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string activityId, string personId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/activities/{activityId}/sign-ups") { Content = JsonContent.Create(new { personId }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private static async Task<string> OrderAsync(HttpClient client, string description)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/orders", new { centerId = ResidentHost.Center, function = "careAssistance", description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task RecordHoursAsync(string personId, int hoursAgo) =>
        host.Grains().GetGrain<IPersonLedgerGrain>(personId).KeepHoursAsync(
            new ServiceHours(Guid.NewGuid(), ResidentHost.Center, DateTimeOffset.UtcNow.AddHours(-hoursAgo), DateTimeOffset.UtcNow.AddHours(1 - hoursAgo), false));

    private Task<ResidentIdentity> IdentityAsync(string personId) => host.Grains().GetGrain<IResidentIdentityGrain>(personId).GetAsync();

    private string Pseudonym(string number) => host.Host.Services.GetRequiredService<PersonPseudonyms>().Of(number);

    /// <summary>The audit entries of residents since <paramref name="since"/>, or of the one whose subject is <paramref name="personId"/>.</summary>
    private Task<IReadOnlyList<AuditRecord>> AuditsAsync(DateTimeOffset since, string? personId = null) =>
        host.Grains().GetGrain<IAuditGrain>(0).QueryAsync(new Lianxin.Audit.AuditQuery(since, null, null, $"resident:{personId}", 1000, null));

    /// <summary>Neither number in any log event or audit entry since <paramref name="since"/>.</summary>
    private async Task AssertNoNumberAsync(DateTimeOffset since, params string[] numbers)
    {
        var audits = await AuditsAsync(since);
        Assert.Contains(audits, a => a.Action == AuditActions.ResidentPhoneLinked);
        var everything = string.Join('\n', host.Logs.Select(e => e.RenderMessage() + string.Join(' ', e.Properties.Values))
            .Concat(audits.Select(a => JsonSerializer.Serialize(a))));
        Assert.Contains(host.Logs, e => e.RenderMessage().Contains(LinkPath, StringComparison.Ordinal));
        foreach (var number in numbers)
        {
            Assert.DoesNotContain(number, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(number[3..], everything, StringComparison.Ordinal);
        }
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
