using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Grains.Tests.Live;

/// <summary>Builds small center trees for the live tests, each under its own unique ids.</summary>
internal static class Centers
{
    public static CenterProfile Profile(string name, CenterLevel level, string? parentId) => new(
        name, level, parentId, new GeoPoint(27.7, 121.1), 1500, null,
        new OpeningHours(new TimeOnly(8, 0), new TimeOnly(20, 0)), false, [], [BasicFunction.PartyBuilding], null);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A district with one street, the street with one community: returns (district, street, community).</summary>
    public static async Task<(string District, string Street, string Community)> CreateTreeAsync(IGrainFactory grains)
    {
        var (district, street, community) = (NewId("d"), NewId("s"), NewId("c"));
        await Create(grains, district, Profile("测试区党群服务中心", CenterLevel.District, null));
        await Create(grains, street, Profile("测试街道党群服务中心", CenterLevel.Street, district));
        await Create(grains, community, Profile("测试社区党群服务中心", CenterLevel.Community, street));
        return (district, street, community);
    }

    public static async Task Create(IGrainFactory grains, string id, CenterProfile profile)
    {
        var result = await grains.GetGrain<ICenterGrain>(id).CreateAsync(profile);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating {id} failed: {result.Detail}");
        }
    }
}
