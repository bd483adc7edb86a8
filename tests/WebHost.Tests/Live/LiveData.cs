using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>A small district made through the grains, with unique ids so tests sharing a host never collide.</summary>
public sealed record LiveData(string District, string Street, string Community, string Grid, string Volunteer)
{
    public static async Task<LiveData> CreateAsync(IGrainFactory grains)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var data = new LiveData($"d-{suffix}", $"s-{suffix}", $"c-{suffix}", $"g-{suffix}", $"v-{suffix}");
        await Check(grains.GetGrain<ICenterGrain>(data.District).CreateAsync(Center("测试区党群服务中心", CenterLevel.District, null)));
        await Check(grains.GetGrain<ICenterGrain>(data.Street).CreateAsync(Center("测试街道党群服务中心", CenterLevel.Street, data.District)));
        await Check(grains.GetGrain<ICenterGrain>(data.Community).CreateAsync(Center("测试社区党群服务中心", CenterLevel.Community, data.Street)));
        var square = new GeoPolygon([new(27.70, 121.10), new(27.70, 121.11), new(27.71, 121.11), new(27.71, 121.10), new(27.70, 121.10)]);
        await Check(grains.GetGrain<IGridGrain>(data.Grid).CreateAsync(new GridProfile(data.Community, "第一网格", square)));
        await Check(grains.GetGrain<IVolunteerGrain>(data.Volunteer).CreateAsync(
            new VolunteerProfile("张三", "13800000000", true, false, false, data.Grid, GridRole.Member, [], null)));
        return data;
    }

    private static CenterProfile Center(string name, CenterLevel level, string? parentId) => new(
        name, level, parentId, new GeoPoint(27.705, 121.105), 1500, null,
        new OpeningHours(new TimeOnly(8, 0), new TimeOnly(20, 0)), true, [], [BasicFunction.PartyBuilding], null);

    private static async Task Check(Task<RegistryResult> write)
    {
        var result = await write;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Detail);
        }
    }
}
