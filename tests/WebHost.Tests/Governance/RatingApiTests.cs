using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class RatingApiTests(GovernanceWebFactory factory)
{
    private const int Year = 2026;

    [Fact]
    public async Task ComputedRatingShowsEveryContributionAndTheEvidenceStillMissing()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var rating = await auditor.GetJsonAsync($"/api/v1/governance/centers/ld-dg-c04/ratings/{Year}");

        var computed = rating.GetProperty("computed");
        Assert.Equal("2026.2", computed.GetProperty("modelVersion").GetString());
        Assert.Equal(3, computed.GetProperty("dimensions").GetArrayLength());
        var measures = computed.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("indicators").EnumerateArray()).SelectMany(i => i.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(computed.GetProperty("score").GetDouble(), measures.Sum(m => m.GetProperty("points").GetDouble()), 6);
        // Help requests and drills are always read from their actors; activity and uptime are missing where nothing was reported.
        Assert.Equal(
            ["B1.2 Functions in use", "B2.1 Check-ins", "B3.1 Approved volunteer hours", "C1.1 Kiosk uptime"],
            computed.GetProperty("missingEvidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("computed", rating.GetProperty("finalFrom").GetString());
    }

    [Fact]
    public async Task TheStreetRecordsTheCommitteesDecisionWithAReasonAndItBecomesTheFinalRating()
    {
        var staff = await factory.ClientForAsync("operator", "ld-xw", subject: "xw-committee-secretary");
        const string reason = "评定委员会：群众满意度测评全区第一，予以四星。";

        var response = await staff.PostAsJsonAsync($"/api/v1/governance/centers/ld-xw-c01/ratings/{Year}/decisions", new { stars = 4, reason }).WaitAsync(GovernanceWebFactory.Deadline);
        var reread = await (await factory.ClientForAsync("auditor", "ld")).GetJsonAsync($"/api/v1/governance/centers/ld-xw-c01/ratings/{Year}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((4, "committee"), (reread.GetProperty("finalStars").GetInt32(), reread.GetProperty("finalFrom").GetString()));
        var decision = reread.GetProperty("decision");
        Assert.Equal((reason, "xw-committee-secretary"), (decision.GetProperty("reason").GetString(), decision.GetProperty("decidedBy").GetString()));
        Assert.Equal("operator", decision.GetProperty("decidedByRole").GetString());
        Assert.Equal(reread.GetProperty("computed").GetProperty("score").GetDouble(), decision.GetProperty("computedScore").GetDouble());
        var audit = await (await factory.ClientForAsync("auditor", "ld")).GetJsonAsync($"/api/v1/audit?subject={Uri.EscapeDataString($"rating:ld-xw-c01@{Year}")}");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(("rating.decided", "xw-committee-secretary", "operator", reason),
            (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("actorRole").GetString(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ACentersOwnStaffCannotRateItOrPickItAsADemonstrationCenter()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c03", subject: "c03-secretary");
        var ownOperator = await factory.ClientForAsync("operator", "ld-dg-c03");
        var street = await factory.ClientForAsync("operator", "ld-dg", subject: "dg-committee");
        var decisions = $"/api/v1/governance/centers/ld-dg-c03/ratings/{Year}/decisions";

        var byStaff = await staff.PostAsJsonAsync(decisions, new { stars = 5, reason = "自评五星" }).WaitAsync(GovernanceWebFactory.Deadline);
        var byItself = await ownOperator.PostAsJsonAsync(decisions, new { stars = 5, reason = "自评五星" }).WaitAsync(GovernanceWebFactory.Deadline);
        var pickedByStaff = await staff.PutAsJsonAsync($"/api/v1/governance/regions/ld-dg-c03/demonstration/{Year}", new { centerIds = new[] { "ld-dg-c03" }, reason = "自选示范" }).WaitAsync(GovernanceWebFactory.Deadline);
        var afterRefusals = await street.GetJsonAsync($"/api/v1/governance/centers/ld-dg-c03/ratings/{Year}");
        var byStreet = await street.PostAsJsonAsync(decisions, new { stars = 3, reason = "街道评定委员会" }).WaitAsync(GovernanceWebFactory.Deadline);

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byItself.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, pickedByStaff.StatusCode);
        Assert.Equal(0, afterRefusals.GetProperty("decisions").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, byStreet.StatusCode);
    }

    [Fact]
    public async Task AStreetsDemonstrationPickIsAuditedAndVisibleFromTheDistrict()
    {
        var street = await factory.ClientForAsync("operator", "ld-dg", subject: "dg-committee");
        var districtAuditor = await factory.ClientForAsync("auditor", "ld");
        await street.PostAsJsonAsync($"/api/v1/governance/centers/ld-dg-c07/ratings/{Year}/decisions", new { stars = 5, reason = "五星" }).WaitAsync(GovernanceWebFactory.Deadline);

        var picked = await street.PutAsJsonAsync($"/api/v1/governance/regions/ld-dg/demonstration/{Year}", new { centerIds = new[] { "ld-dg-c07" }, reason = "街道推荐示范" }).WaitAsync(GovernanceWebFactory.Deadline);
        var fromDistrict = await districtAuditor.GetJsonAsync($"/api/v1/governance/regions/ld/demonstration/{Year}");
        var fromCenter = await districtAuditor.GetJsonAsync($"/api/v1/governance/regions/ld-dg-c07/demonstration/{Year}");
        var audit = await districtAuditor.GetJsonAsync($"/api/v1/audit?subject={Uri.EscapeDataString($"demonstration:ld-dg@{Year}")}");

        Assert.True(picked.IsSuccessStatusCode, await picked.Content.ReadAsStringAsync());
        Assert.Contains("ld-dg-c07", fromDistrict.GetProperty("demonstrationCenters").EnumerateArray().Select(c => c.GetString()));
        var selection = fromDistrict.GetProperty("selections").Find("regionId", "ld-dg");
        Assert.Equal(("dg-committee", "operator"), (selection.GetProperty("decidedBy").GetString(), selection.GetProperty("decidedByRole").GetString()));
        Assert.Equal(["ld-dg-c07"], fromCenter.GetProperty("demonstrationCenters").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("demonstration.selected", Assert.Single(audit.EnumerateArray()).GetProperty("action").GetString());
    }

    [Fact]
    public async Task DecisionsAreRefusedToAuditorsAndWithoutValidStarsOrReason()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");
        var staff = await factory.ClientForAsync("operator", "ld-st");
        var path = $"/api/v1/governance/centers/ld-st-c01/ratings/{Year}/decisions";

        var byAuditor = await auditor.PostAsJsonAsync(path, new { stars = 5, reason = "x" }).WaitAsync(GovernanceWebFactory.Deadline);
        var twoStars = await staff.PostAsJsonAsync(path, new { stars = 2, reason = "x" }).WaitAsync(GovernanceWebFactory.Deadline);
        var noReason = await staff.PostAsJsonAsync(path, new { stars = 4 }).WaitAsync(GovernanceWebFactory.Deadline);
        var future = await staff.PostAsJsonAsync($"/api/v1/governance/centers/ld-st-c01/ratings/{DateTime.UtcNow.AddHours(8).Year + 1}/decisions", new { stars = 4, reason = "x" }).WaitAsync(GovernanceWebFactory.Deadline);
        var otherCenter = await staff.PostAsJsonAsync($"/api/v1/governance/centers/ld-dg-c02/ratings/{Year}/decisions", new { stars = 4, reason = "x" }).WaitAsync(GovernanceWebFactory.Deadline);
        var after = await auditor.GetJsonAsync($"/api/v1/governance/centers/ld-st-c01/ratings/{Year}");

        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twoStars.StatusCode);
        Assert.True((await twoStars.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("stars", out _));
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCenter.StatusCode);
        Assert.Equal(0, after.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task RegionRatingsExportHasAColumnPerMeasure()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var table = await auditor.GetJsonAsync($"/api/v1/governance/regions/ld-hy/ratings/{Year}");
        var csv = await auditor.GetStringAsync($"/api/v1/governance/regions/ld-hy/ratings/{Year}.csv").WaitAsync(GovernanceWebFactory.Deadline);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(10, table.GetProperty("centers").GetArrayLength());
        Assert.EndsWith(",A1.1,A1.2,A1.3,A2.1,A2.2,B1.1,B1.2,B2.1,B3.1,C1.1,C2.1,C3.1", lines[0], StringComparison.Ordinal);
        Assert.Equal(11, lines.Length);
    }

    [Fact]
    public async Task DemonstrationCentersAreChosenOnlyFromCentersTheCommitteeRatedFiveStars()
    {
        var operator_ = await factory.ClientForAsync("operator", "ld");
        var auditor = await factory.ClientForAsync("auditor", "ld");
        await operator_.PostAsJsonAsync($"/api/v1/governance/centers/ld-dg-c05/ratings/{Year}/decisions", new { stars = 5, reason = "五星" }).WaitAsync(GovernanceWebFactory.Deadline);
        var path = $"/api/v1/governance/regions/ld/demonstration/{Year}";

        var notFiveStars = await operator_.PutAsJsonAsync(path, new { centerIds = new[] { "ld-dg-c05", "ld-dg-c06" }, reason = "市级示范" }).WaitAsync(GovernanceWebFactory.Deadline);
        var byAuditor = await auditor.PutAsJsonAsync(path, new { centerIds = new[] { "ld-dg-c05" }, reason = "市级示范" }).WaitAsync(GovernanceWebFactory.Deadline);
        var chosen = await operator_.PutAsJsonAsync(path, new { centerIds = new[] { "ld-dg-c05" }, reason = "市级示范" }).WaitAsync(GovernanceWebFactory.Deadline);
        var view = await auditor.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.Conflict, notFiveStars.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        Assert.True(view.GetProperty("isSelectionYear").GetBoolean());
        Assert.Equal("ld-dg-c05", view.GetProperty("selection").GetProperty("centerIds")[0].GetString());
        Assert.Contains(view.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("centerId").GetString() == "ld-dg-c05");
    }

    [Fact]
    public async Task RatingModelIsPublishedWithItsWeights()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c01");

        var model = await staff.GetJsonAsync("/api/v1/governance/rating-model");

        Assert.Equal("2026.2", model.GetProperty("version").GetString());
        Assert.Equal([30.0, 40.0, 30.0], model.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("weight").GetDouble()));
        Assert.Equal(90, model.GetProperty("thresholds").GetProperty("fiveStars").GetDouble());
    }

    [Fact]
    public async Task YearlyReportIsAPrintableHtmlPageWithComplianceRatingAndCircle()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var response = await auditor.GetAsync($"/api/v1/governance/centers/ld-hy-v07/reports/{Year}").WaitAsync(GovernanceWebFactory.Deadline);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("外岙村党群服务中心", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("村域位于外海离岛", html, StringComparison.Ordinal);
        Assert.Contains("15-minute service circle", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
