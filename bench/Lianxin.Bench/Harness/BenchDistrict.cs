using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The benchmark district: the demo district's centers and kiosks, with as many grids and people as a
/// prefecture-level city (about 40 people per grid, the first of each grid its lead), written in the demo district's
/// file format so the product's own loader and the kiosk simulator both read it. One more center under the root has
/// one kiosk the simulator never plays: the probe the push scenario times changes through.
/// </summary>
internal sealed record BenchDistrict(
    string Path, string RootCenterId, IReadOnlyList<string> GridIds, IReadOnlyList<string> GridCenterIds, int Volunteers, IReadOnlyList<string> KioskIds)
{
    public const string ProbeCenterId = "bench-probe";
    public const string ProbeKioskId = "bench-probe-k";

    private static readonly string[] Roles = ["lead", "fullTimeWorker", "partTimeWorker", "instructor"];

    public static string VolunteerId(int index) => $"bv-{index:D6}";

    /// <summary>The grid a volunteer lives on: people are dealt round the grids.</summary>
    public string GridOf(int volunteer) => GridIds[volunteer % GridIds.Count];

    /// <summary>The fewest centers (in file order) whose grids hold at least <paramref name="people"/> people, and how many they hold.</summary>
    public (IReadOnlyList<string> CenterIds, int People) CentersCovering(int people)
    {
        var perCenter = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < Volunteers; v++)
        {
            var center = GridCenterIds[v % GridIds.Count];
            perCenter[center] = perCenter.GetValueOrDefault(center) + 1;
        }

        var chosen = new List<string>();
        var total = 0;
        foreach (var center in GridCenterIds.Distinct())
        {
            if (total >= people)
            {
                break;
            }

            chosen.Add(center);
            total += perCenter.GetValueOrDefault(center);
        }

        return (chosen, total);
    }

    public static async Task<BenchDistrict> WriteAsync(string demoFile, string path, int grids, int volunteers, int kiosks)
    {
        var district = JsonNode.Parse(await File.ReadAllTextAsync(demoFile))!.AsObject();
        var centers = district["centers"]!.AsArray();
        var root = centers.First(c => c!["parentId"] is null)!["id"]!.GetValue<string>();
        var gridCenters = centers.Where(c => c!["level"]!.GetValue<string>() is "community" or "village").ToList();
        var demoPeople = district["volunteers"]!.AsArray();

        var gridNodes = new JsonArray();
        var gridIds = new List<string>(grids);
        var gridCenterIds = new List<string>(grids);
        var gridLocations = new List<(double Lat, double Lon)>(grids);
        for (var g = 0; g < grids; g++)
        {
            var center = gridCenters[g % gridCenters.Count]!;
            var id = $"bg-{g:D5}";
            var lat = center["location"]!["latitude"]!.GetValue<double>() + ((g / gridCenters.Count % 20) - 10) * 0.002;
            var lon = center["location"]!["longitude"]!.GetValue<double>() + ((g / gridCenters.Count / 20) - 3) * 0.002;
            gridIds.Add(id);
            gridCenterIds.Add(center["id"]!.GetValue<string>());
            gridLocations.Add((lat, lon));
            gridNodes.Add(new JsonObject
            {
                ["id"] = id,
                ["centerId"] = center["id"]!.GetValue<string>(),
                ["name"] = $"基准网格{g + 1}",
                ["boundary"] = Square(lat, lon, 0.001),
            });
        }

        var people = new JsonArray();
        for (var v = 0; v < volunteers; v++)
        {
            var like = demoPeople[v % demoPeople.Count]!;
            var (lat, lon) = gridLocations[v % grids];
            var seat = v / grids;
            people.Add(new JsonObject
            {
                ["id"] = VolunteerId(v),
                ["name"] = like["name"]!.GetValue<string>(),
                ["phone"] = "13" + (v % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture),
                ["isPartyMember"] = like["isPartyMember"]!.GetValue<bool>(),
                ["isMobilePartyMember"] = false,
                ["isInServicePartyMember"] = false,
                ["homeGridId"] = gridIds[v % grids],
                ["gridRole"] = seat < Roles.Length ? Roles[seat] : "member",
                ["skills"] = like["skills"]!.DeepClone(),
                ["location"] = new JsonObject { ["latitude"] = lat + (seat % 10) * 0.00005, ["longitude"] = lon + (seat / 10 % 10) * 0.00005 },
            });
        }

        var probe = gridCenters[0]!.DeepClone().AsObject();
        probe["id"] = ProbeCenterId;
        probe["name"] = "基准探针社区党群服务中心";
        probe["parentId"] = root;
        centers.Add(probe);
        var simulated = district["kiosks"]!.AsArray().Take(kiosks).Select(k => k!.DeepClone()).ToList();
        var kioskNodes = new JsonArray([.. simulated, new JsonObject { ["id"] = ProbeKioskId, ["centerId"] = ProbeCenterId, ["name"] = "基准探针终端" }]);
        district["name"] = "基准区";
        district["grids"] = gridNodes;
        district["volunteers"] = people;
        district["kiosks"] = kioskNodes;
        district["residentialPoints"] = new JsonArray();
        await File.WriteAllTextAsync(path, district.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return new BenchDistrict(path, root, gridIds, gridCenterIds, volunteers, [.. simulated.Select(k => k!["id"]!.GetValue<string>())]);
    }

    private static JsonObject Square(double lat, double lon, double half) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(new JsonArray(
            Corner(lon - half, lat - half), Corner(lon + half, lat - half), Corner(lon + half, lat + half), Corner(lon - half, lat + half),
            Corner(lon - half, lat - half))),
    };

    private static JsonArray Corner(double lon, double lat) => new(Math.Round(lon, 6), Math.Round(lat, 6));
}
