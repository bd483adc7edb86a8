using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Bench.Emergencies;

/// <summary>A district of one street and its grids, with the people spread evenly over the grids.</summary>
internal sealed record BenchDistrict(string DistrictId, IReadOnlyList<string> GridIds, IReadOnlyList<string> People)
{
    private const int Parallelism = 64;

    public static async Task<BenchDistrict> CreateAsync(IGrainFactory grains, int people, int gridCount)
    {
        var district = "bench";
        await Check(grains.GetGrain<ICenterGrain>(district).CreateAsync(Center("压测区", CenterLevel.District, null)));
        await Check(grains.GetGrain<ICenterGrain>("bench-s").CreateAsync(Center("压测街道", CenterLevel.Street, district)));
        var gridIds = Enumerable.Range(0, gridCount).Select(i => $"bench-g{i:0000}").ToList();
        await Parallel.ForEachAsync(gridIds.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (g, _) =>
        {
            var lat = 27.5 + (0.01 * (g.i / 50));
            var lon = 121.0 + (0.01 * (g.i % 50));
            var ring = new GeoPolygon([new(lat, lon), new(lat, lon + 0.01), new(lat + 0.01, lon + 0.01), new(lat + 0.01, lon), new(lat, lon)]);
            await Check(grains.GetGrain<IGridGrain>(g.id).CreateAsync(new GridProfile("bench-s", $"网格{g.i}", ring)));
        });

        var ids = Enumerable.Range(0, people).Select(i => $"bench-v{i:000000}").ToList();
        var done = 0;
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (p, _) =>
        {
            var profile = new VolunteerProfile($"志愿者{p.i}", $"139{p.i:00000000}", true, false, false, gridIds[p.i % gridCount], GridRole.Member, ["firstAid"], null);
            await Check(grains.GetGrain<IVolunteerGrain>(p.id).CreateAsync(profile));
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                Console.WriteLine($"  {done} people created");
            }
        });

        return new BenchDistrict(district, gridIds, ids);
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
}
