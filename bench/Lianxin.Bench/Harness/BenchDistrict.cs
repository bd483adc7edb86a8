using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Bench.Harness;

/// <summary>
/// The benchmark district: the demo district's centers and kiosks, with as many grids and people as a
/// prefecture-level city (about 40 people per grid, the first of each grid its lead), written in the demo district's
/// file format so the product's own loader and the kiosk simulator both read it. One more center under the root has
/// one kiosk the simulator never plays: the probe the push scenario times changes through. The actor-level runs, which
/// host a silo in-process, make a smaller one of the same ids directly through the actors (<see cref="CreateAsync"/>).
/// </summary>
internal sealed record BenchDistrict(
    string Path, string RootCenterId, IReadOnlyList<string> GridIds, IReadOnlyList<string> GridCenterIds, int Volunteers, IReadOnlyList<string> KioskIds)
{
    public const string ProbeCenterId = "bench-probe";
    public const string ProbeKioskId = "bench-probe-k";

    private static readonly string[] Roles = ["lead", "fullTimeWorker", "partTimeWorker", "instructor"];

    public static string VolunteerId(int index) => $"bv-{index:D6}";

    public static string GridId(int index) => $"bg-{index:D5}";

    /// <summary>Every volunteer's id, in the order they are dealt round the grids.</summary>
    public IReadOnlyList<string> VolunteerIds() => [.. Enumerable.Range(0, Volunteers).Select(VolunteerId)];

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
            var id = GridId(g);
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

    /// <summary>
    /// A district of one street and its grids made through the actors themselves (no file, no kiosks), the people
    /// dealt round the grids as in the file: what the actor-level runs launch emergencies to.
    /// </summary>
    public static async Task<BenchDistrict> CreateAsync(IGrainFactory grains, int volunteers, int grids)
    {
        const string root = "bench", street = "bench-s";
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64 };
        await Check(grains.GetGrain<ICenterGrain>(root).CreateAsync(Center("压测区", CenterLevel.District, null)));
        await Check(grains.GetGrain<ICenterGrain>(street).CreateAsync(Center("压测街道", CenterLevel.Street, root)));
        var gridIds = Enumerable.Range(0, grids).Select(GridId).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, grids), parallel, async (g, _) =>
        {
            var lat = 27.5 + (0.01 * (g / 50));
            var lon = 121.0 + (0.01 * (g % 50));
            var ring = new GeoPolygon([new(lat, lon), new(lat, lon + 0.01), new(lat + 0.01, lon + 0.01), new(lat + 0.01, lon), new(lat, lon)]);
            await Check(grains.GetGrain<IGridGrain>(gridIds[g]).CreateAsync(new GridProfile(street, $"网格{g}", ring)));
        });

        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, volunteers), parallel, async (v, _) =>
        {
            var profile = new VolunteerProfile($"志愿者{v}", $"139{v:00000000}", true, false, false, gridIds[v % grids], GridRole.Member, ["firstAid"], null);
            await Check(grains.GetGrain<IVolunteerGrain>(VolunteerId(v)).CreateAsync(profile));
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                Console.WriteLine($"  {done} people created");
            }
        });

        return new BenchDistrict("", root, gridIds, [.. gridIds.Select(_ => street)], volunteers, []);
    }

    private static CenterProfile Center(string name, CenterLevel level, string? parentId) => new(
        $"{name}党群服务中心", level, parentId, new GeoPoint(27.7, 121.1), 2000, null,
        new OpeningHours(new TimeOnly(8, 30), new TimeOnly(20, 30)), true, [], [BasicFunction.EmergencySupport], null);

    private static async Task Check(Task<RegistryResult> write)
    {
        var result = await write;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Detail);
        }
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
