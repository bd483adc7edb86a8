using Lianxin.TestSupport;

namespace Lianxin.Cluster.Tests;

/// <summary>Request bodies as a client writes them: plain JSON-shaped objects.</summary>
internal static class Bodies
{
    /// <summary>
    /// A center open around the clock from a turn of the day twelve hours from now (opening equal to closing): kiosk
    /// events at any hour of a test are in opening hours, and no visit is closed by the end of its day.
    /// </summary>
    public static object Center(string id, string level, string? parentId) => new
    {
        id,
        name = $"{id}党群服务中心",
        level,
        parentId,
        location = new { latitude = 27.7, longitude = 121.1 },
        floorAreaSqm = 1200,
        households = level == "community" ? 1000 : (int?)null,
        openingHours = AroundTheClock.Hours(),
        selfService24h = true,
        staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
        functions = new[] { "partyBuilding", "convenienceServices" },
    };

    public static object Grid(string id, string centerId)
    {
        double[][] ring = [[121.1, 27.7], [121.11, 27.7], [121.11, 27.71], [121.1, 27.71], [121.1, 27.7]];
        return new { id, centerId, name = $"{id}网格", boundary = new { type = "Polygon", coordinates = new[] { ring } } };
    }

    public static object Volunteer(string id, string gridId) => new
    {
        id,
        name = "王五",
        phone = "13912345678",
        isPartyMember = true,
        homeGridId = gridId,
        gridRole = "member",
        skills = new[] { "firstAid" },
    };

    /// <summary>An emergency over some grids, with the product's default timers.</summary>
    public static object Emergency(params string[] gridIds) => new
    {
        name = "台风“海葵”防御",
        mode = "actual",
        level = "orange",
        category = "met",
        scope = new { kind = "grids", ids = gridIds },
    };

    /// <summary>
    /// A person's own answer. The request id is chosen once per answer and kept when it is re-sent, which is what
    /// makes a re-sent answer count once.
    /// </summary>
    public static object Reply(string token, string status, Guid requestId) => new { token, status, channel = "web", requestId };
}
