using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.TestSupport;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

/// <summary>The help requests' closed loop over HTTP on the demo district: steps, access, the party-affairs rule, figures and CSV.</summary>
[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class HelpRequestApiTests(GovernanceWebFactory factory)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    [Fact]
    public async Task PartyBuildingRequestIsRefusedToANonMemberAndToAThirdPartyAccountWithTheReasonAndNothingChanges()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c02", subject: "dg-c02-secretary");
        var id = await OpenAsync(staff, "ld-dg-c02", "partyBuilding");
        var before = await staff.GetJsonAsync($"/api/v1/help-requests/{id}/loop");

        var nonMember = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/assign", new { volunteerId = "v-00017" }).WaitAsync(GovernanceWebFactory.Deadline);
        var thirdParty = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/assign", new { staffCenterId = "ld-dg-c02", staffName = "何佳思" }).WaitAsync(GovernanceWebFactory.Deadline);
        var after = await staff.GetJsonAsync($"/api/v1/help-requests/{id}/loop");

        var problem = await ProblemAssert.IsProblemAsync(nonMember, HttpStatusCode.Conflict);
        Assert.Equal("partyAffairs", problem.GetProperty("refusal").GetString());
        Assert.Contains("余鸥阳 is not a party member", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var thirdPartyProblem = await ProblemAssert.IsProblemAsync(thirdParty, HttpStatusCode.Conflict);
        Assert.Contains("何佳思 is a third-party account", thirdPartyProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("owner").ValueKind);

        var member = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/assign", new { volunteerId = "v-00001", note = "支部书记指派" }).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal("assigned", (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        var audit = await (await factory.ClientForAsync("auditor", "ld")).GetJsonAsync($"/api/v1/audit?subject=helpRequest:{id}");
        Assert.Equal(
            ["helpRequest.assigned", "helpRequest.opened", "helpRequest.refused", "helpRequest.refused"],
            audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RequestRunsItsLoopOverHttpAndItsFiguresAreExportedAsCsvAndInTheYearlyReport()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c03", subject: "dg-c03-staff");
        var id = await OpenAsync(staff, "ld-dg-c03", "careAssistance");

        var elsewhere = await (await factory.ClientForAsync("staff", "ld-xw")).PostAsJsonAsync($"/api/v1/help-requests/{id}/assign", new { volunteerId = "v-00017" }).WaitAsync(GovernanceWebFactory.Deadline);
        var startUnassigned = await staff.PostAsync($"/api/v1/help-requests/{id}/start", null).WaitAsync(GovernanceWebFactory.Deadline);
        await PostOkAsync(staff, $"/api/v1/help-requests/{id}/assign", new { volunteerId = "v-00017" });
        var otherVolunteer = await (await factory.ClientForAsync("volunteer", "v-00020")).PostAsync($"/api/v1/help-requests/{id}/start", null).WaitAsync(GovernanceWebFactory.Deadline);
        await PostOkAsync(await factory.ClientForAsync("volunteer", "v-00017"), $"/api/v1/help-requests/{id}/start", new { note = "已上门" });
        await PostOkAsync(staff, $"/api/v1/help-requests/{id}/resolve", new { note = "水管已修复" });
        var badRating = await staff.PostAsJsonAsync($"/api/v1/help-requests/{id}/rate", new { rating = 6 }).WaitAsync(GovernanceWebFactory.Deadline);
        var rated = await PostOkAsync(staff, $"/api/v1/help-requests/{id}/rate", new { rating = 5, comment = "很满意" });

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        await ProblemAssert.IsProblemAsync(startUnassigned, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, otherVolunteer.StatusCode);
        await ProblemAssert.HasFieldErrorAsync(badRating, "rating");
        Assert.Equal(("rated", 5), (rated.GetProperty("stage").GetString(), rated.GetProperty("rating").GetInt32()));
        Assert.Equal("rated", (await staff.GetJsonAsync($"/api/v1/help-requests/{id}")).GetProperty("state").GetString());

        var figures = await Eventually.HoldsAsync(
            () => staff.GetJsonAsync($"/api/v1/governance/regions/ld-dg-c03/help-requests/{Year}"),
            f => f.GetProperty("totals").GetProperty("resolvedOnTime").GetInt32() >= 1,
            GovernanceWebFactory.Deadline,
            "the center's figures count the request");
        var row = figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("function").GetString() == "careAssistance");
        Assert.Equal("ld-dg-c03", row.GetProperty("centerId").GetString());
        var csv = await staff.GetAsync($"/api/v1/governance/regions/ld-dg-c03/help-requests/{Year}.csv").WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("centerId,function,year,raised,open,overdueNow,resolved,resolvedOnTime,medianHoursToResolve,averageRating", lines[0]);
        var csvRow = lines.Single(l => l.StartsWith("ld-dg-c03,careAssistance,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(
            [row.GetProperty("raised").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("resolvedOnTime").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [csvRow[3], csvRow[7]]);
        var report = await staff.GetStringAsync($"/api/v1/governance/centers/ld-dg-c03/reports/{Year}").WaitAsync(GovernanceWebFactory.Deadline);
        Assert.Contains("Help requests: the closed loop", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestStaffOpenForAResidentRecordsBothAndEveryStepNamesThePersonAndRole()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c04", subject: "dg-c04-zhang");

        var opened = await PostAsync(staff, "/api/v1/help-requests", new { centerId = "ld-dg-c04", function = "careAssistance", description = "代居民登记", personId = "r-0042" }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetString();
        var assigned = await PostOkAsync(staff, $"/api/v1/help-requests/{id}/assign", new { volunteerId = "v-00017" });

        Assert.Equal(("staff:dg-c04-zhang", "r-0042"), (opened.GetProperty("raisedBy").GetString(), opened.GetProperty("personId").GetString()));
        Assert.Equal("staff:dg-c04-zhang", assigned.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString());
    }

    [Fact]
    public async Task StepsOnAnUnknownRequestAre404AndOpeningIsValidated()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c03");

        var unknown = await staff.PostAsJsonAsync("/api/v1/help-requests/hr-nope/assign", new { volunteerId = "v-00001" }).WaitAsync(GovernanceWebFactory.Deadline);
        var badFunction = await staff.PostAsJsonAsync("/api/v1/help-requests", new { centerId = "ld-dg-c03", function = "gossip", description = "x" }).WaitAsync(GovernanceWebFactory.Deadline);
        var otherCenter = await staff.PostAsJsonAsync("/api/v1/help-requests", new { centerId = "ld-xw-c01", function = "careAssistance", description = "x" }).WaitAsync(GovernanceWebFactory.Deadline);

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.HasFieldErrorAsync(badFunction, "function");
        Assert.Equal(HttpStatusCode.Forbidden, otherCenter.StatusCode);
    }

    private static async Task<string> OpenAsync(HttpClient staff, string centerId, string function)
    {
        var opened = await PostAsync(staff, "/api/v1/help-requests", new { centerId, function, description = "居民求助：楼道灯不亮" }, HttpStatusCode.Created);
        Assert.Equal("open", opened.GetProperty("stage").GetString());
        return opened.GetProperty("id").GetString()!;
    }

    private static Task<JsonElement> PostOkAsync(HttpClient client, string path, object body) => PostAsync(client, path, body, HttpStatusCode.OK);

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(path, body).WaitAsync(GovernanceWebFactory.Deadline);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(GovernanceWebFactory.Deadline);
    }
}
