using System.Text.Json;
using Lianxin.Common;
using Lianxin.WebHost.Apis.Registry;

namespace Lianxin.WebHost.Demo;

/// <summary>
/// The demo district file (<c>Demo/demo-district.json</c>, made by <c>generate_district.py</c>). Its records have
/// the same shape as the registry API's requests, and are loaded through the same validation.
/// </summary>
public sealed record DemoDistrict(
    string Name,
    IReadOnlyList<CenterRequest> Centers,
    IReadOnlyList<GridRequest> Grids,
    IReadOnlyList<VolunteerRequest> Volunteers,
    IReadOnlyList<KioskRequest> Kiosks,
    IReadOnlyList<ResidentialPoint> ResidentialPoints)
{
    public static readonly string DefaultPath = Path.Combine(AppContext.BaseDirectory, "Demo", "demo-district.json");

    public static async Task<DemoDistrict> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DemoDistrict>(file, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no district.");
    }
}

/// <summary>A place where people live, with its household count: the unit of service-circle coverage.</summary>
public sealed record ResidentialPoint(string Id, string? GridId, GeoPoint Location, int Households);
