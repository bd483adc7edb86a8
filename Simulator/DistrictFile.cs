using System.Text.Json;

namespace Lianxin.Simulator;

/// <summary>
/// The parts of a district file (the demo district's format) the simulator plays: kiosks and their centers, and
/// the volunteers of each center's grids. Read on its own, so the simulator needs nothing but HTTP and this file.
/// </summary>
public sealed record DistrictFile(
    IReadOnlyList<DistrictFile.Center> Centers,
    IReadOnlyList<DistrictFile.Grid> Grids,
    IReadOnlyList<DistrictFile.Person> Volunteers,
    IReadOnlyList<DistrictFile.Kiosk> Kiosks)
{
    public static async Task<DistrictFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<DistrictFile>(file, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no district.");
    }

    /// <summary>The root of the center tree: the operator scope that may provision every kiosk.</summary>
    public string RootCenterId => Centers.First(c => c.ParentId is null).Id;

    /// <summary>Volunteer ids per center, through the centers' grids.</summary>
    public IReadOnlyDictionary<string, string[]> VolunteersByCenter()
    {
        var centerOfGrid = Grids.ToDictionary(g => g.Id, g => g.CenterId);
        return Volunteers
            .Where(v => centerOfGrid.ContainsKey(v.HomeGridId))
            .GroupBy(v => centerOfGrid[v.HomeGridId])
            .ToDictionary(g => g.Key, g => g.Select(v => v.Id).ToArray());
    }

    public sealed record Center(string Id, string? ParentId, string Level);

    public sealed record Grid(string Id, string CenterId);

    public sealed record Person(string Id, string HomeGridId);

    public sealed record Kiosk(string Id, string CenterId);
}
