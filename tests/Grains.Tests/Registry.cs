using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests;

/// <summary>Builds small registries for tests, with ids unique per test so tests sharing a cluster never collide.</summary>
public sealed class Registry(IGrainFactory grains)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}"[..10];

    public string Id(string name) => $"{_prefix}-{name}";

    public static CenterProfile Center(string name, CenterLevel level, string? parentId) => new(
        $"{name}党群服务中心", level, parentId, new GeoPoint(27.7, 121.1), 1200, level is CenterLevel.Community ? 1000 : null,
        new OpeningHours(new TimeOnly(8, 30), new TimeOnly(20, 30)), true,
        [new StaffMember("张三", StaffRole.OperationsStaff, true, 3)], [BasicFunction.PartyBuilding], null);

    public static GeoPolygon Square(double lat, double lon, double size = 0.01) => new(
    [
        new(lat, lon), new(lat, lon + size), new(lat + size, lon + size), new(lat + size, lon), new(lat, lon),
    ]);

    public async Task<string> CenterAsync(string name, CenterLevel level, string? parentName)
    {
        var result = await grains.GetGrain<ICenterGrain>(Id(name)).CreateAsync(Center(name, level, parentName is null ? null : Id(parentName)));
        Assert.Equal(RegistryOutcome.Created, result.Outcome);
        return Id(name);
    }

    public async Task<string> GridAsync(string name, string centerName)
    {
        var result = await grains.GetGrain<IGridGrain>(Id(name)).CreateAsync(new GridProfile(Id(centerName), name, Square(27.7, 121.1)));
        Assert.Equal(RegistryOutcome.Created, result.Outcome);
        return Id(name);
    }

    public static VolunteerProfile Person(string gridId, GridRole role = GridRole.Member) =>
        new("李四", "13800000000", true, false, false, gridId, role, ["firstAid"], null);

    public async Task<string> PersonAsync(string name, string gridName, GridRole role = GridRole.Member)
    {
        var result = await grains.GetGrain<IVolunteerGrain>(Id(name)).CreateAsync(Person(Id(gridName), role));
        Assert.Equal(RegistryOutcome.Created, result.Outcome);
        return Id(name);
    }
}
