using System.Net;
using System.Text;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class ComplianceApiTests(GovernanceWebFactory factory)
{
    [Fact]
    public async Task RegionViewListsCentersBelowTheirAreaStandardAndExemptCentersPassWithTheirReason()
    {
        var operator_ = await factory.ClientForAsync("operator", "ld");

        var all = await operator_.GetJsonAsync("/api/v1/governance/regions/ld/compliance?all=true");
        var failing = await operator_.GetJsonAsync("/api/v1/governance/regions/ld/compliance");

        Assert.Equal(55, all.GetProperty("centers").GetInt32());
        Assert.Equal(3, all.GetProperty("failingByCheck").GetProperty("floorArea").GetInt32());
        var island = Area(all.GetProperty("items").Find("centerId", "ld-hy-v07"));
        Assert.Equal("exempt", island.GetProperty("outcome").GetString());
        Assert.Contains("外海离岛", island.GetProperty("exemptionReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(140, island.GetProperty("measured").GetDouble());
        var zhuyu = Area(failing.GetProperty("items").Find("centerId", "ld-bj-v05"));
        Assert.Equal(("fail", 150.0, 200.0), (zhuyu.GetProperty("outcome").GetString(), zhuyu.GetProperty("measured").GetDouble(), zhuyu.GetProperty("required").GetDouble()));
        Assert.All(failing.GetProperty("items").EnumerateArray(), c => Assert.True(c.GetProperty("failing").GetBoolean()));
        Assert.Equal(failing.GetProperty("failing").GetInt32(), failing.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task StreetOperatorSeesOnlyTheirStreet()
    {
        var street = await factory.ClientForAsync("operator", "ld-dg");

        var own = await street.GetJsonAsync("/api/v1/governance/regions/ld-dg/compliance?all=true");

        Assert.Equal(11, own.GetProperty("centers").GetInt32());
        Assert.All(own.GetProperty("items").EnumerateArray(), c => Assert.StartsWith("ld-dg", c.GetProperty("centerId").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, await street.StatusOfAsync("/api/v1/governance/regions/ld/compliance"));
        Assert.Equal(HttpStatusCode.Forbidden, await street.StatusOfAsync("/api/v1/governance/centers/ld-xw-c01/compliance"));
    }

    [Fact]
    public async Task StaffReadTheirCenterAndGridLeadsAndVolunteersSeeNoGovernance()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c01");
        var auditor = await factory.ClientForAsync("auditor", "ld");
        var gridLead = await factory.ClientForAsync("gridLead", "ld-dg-c01-g01");
        var volunteer = await factory.ClientForAsync("volunteer", "v-0001");

        Assert.Equal(HttpStatusCode.OK, await staff.StatusOfAsync("/api/v1/governance/centers/ld-dg-c01/compliance"));
        Assert.Equal(HttpStatusCode.Forbidden, await staff.StatusOfAsync("/api/v1/governance/centers/ld-dg-c02/compliance"));
        Assert.Equal(HttpStatusCode.OK, await auditor.StatusOfAsync("/api/v1/governance/centers/ld-dg-c02/compliance"));
        Assert.Equal(HttpStatusCode.Forbidden, await gridLead.StatusOfAsync("/api/v1/governance/centers/ld-dg-c01/compliance"));
        Assert.Equal(HttpStatusCode.Forbidden, await volunteer.StatusOfAsync("/api/v1/governance/regions/ld/compliance"));
        Assert.Equal(HttpStatusCode.NotFound, await auditor.StatusOfAsync("/api/v1/governance/centers/no-such-center/compliance"));
        Assert.Equal(HttpStatusCode.Unauthorized, await factory.CreateClient().StatusOfAsync("/api/v1/governance/regions/ld/compliance"));
    }

    [Fact]
    public async Task ComplianceCsvHasOneRowPerCheckOfEveryCenter()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var response = await auditor.GetAsync("/api/v1/governance/regions/ld/compliance.csv").WaitAsync(GovernanceWebFactory.Deadline);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("centerId,name,level,parentId,check,outcome,measured,required,unit,summary,exemptionReason,findings", lines[0]);
        Assert.Equal(1 + (55 * 6), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("ld-hy-v07,外岙村党群服务中心,village,ld-hy,floorArea,exempt,140,200,m²,", StringComparison.Ordinal));
    }

    private static System.Text.Json.JsonElement Area(System.Text.Json.JsonElement center) =>
        center.GetProperty("checks").Find("kind", "floorArea");
}
