namespace Lianxin.WebHost.Tests.Registry;

/// <summary>Request bodies as a client writes them: plain JSON-shaped objects.</summary>
internal static class Requests
{
    public static object Center(string id, string level, string? parentId, double area = 1200, string[]? functions = null) => new
    {
        id,
        name = $"{id}党群服务中心",
        level,
        parentId,
        location = new { latitude = 27.7, longitude = 121.1 },
        floorAreaSqm = area,
        households = level == "community" ? 1000 : (int?)null,
        openingHours = new { opens = "08:30", closes = "20:30" },
        selfService24h = true,
        staff = new[] { new { name = "张三", role = "operationsStaff", isPartyMember = true, trainingDays = 3 } },
        functions = functions ?? ["partyBuilding", "volunteerService"],
    };

    public static double[][] Square(double lat = 27.7, double lon = 121.1, double size = 0.01) =>
        [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];

    public static object Grid(string id, string centerId, double[][]? ring = null) => new
    {
        id,
        centerId,
        name = $"{id}网格",
        boundary = new { type = "Polygon", coordinates = new[] { ring ?? Square() } },
    };

    public static object Volunteer(string id, string gridId, string role = "member") => new
    {
        id,
        name = "王五",
        phone = "13912345678",
        isPartyMember = true,
        homeGridId = gridId,
        gridRole = role,
        skills = new[] { "firstAid" },
    };

    public static object Kiosk(string id, string centerId) => new { id, centerId, name = $"{id} 自助终端" };
}
