using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Grids;
using Lianxin.TestSupport;
using Lianxin.Volunteers;

namespace Lianxin.Grains.Tests.Emergencies;

/// <summary>
/// A small district for emergency tests: a district with one community and two grids. Grid one has a lead and three
/// members (a, b, c); grid two has one member (d). Ids are unique per world, so worlds share a cluster safely.
/// </summary>
internal sealed class EmergencyWorld
{
    private readonly IGrainFactory _grains;

    private EmergencyWorld(IGrainFactory grains)
    {
        _grains = grains;
        Registry = new Registry(grains);
    }

    public Registry Registry { get; }

    public string District => Registry.Id("district");

    public string Community => Registry.Id("community");

    public string Grid1 => Registry.Id("grid1");

    public string Grid2 => Registry.Id("grid2");

    public string Lead => Registry.Id("lead");

    public string A => Registry.Id("a");

    public string B => Registry.Id("b");

    public string C => Registry.Id("c");

    public string D => Registry.Id("d");

    public IReadOnlyList<string> Grid1People => [Lead, A, B, C];

    public static async Task<EmergencyWorld> CreateAsync(IGrainFactory grains)
    {
        var world = new EmergencyWorld(grains);
        var r = world.Registry;
        await r.CenterAsync("district", CenterLevel.District, null);
        await r.CenterAsync("community", CenterLevel.Community, "district");
        await world.GridAsync("grid1", Registry.Square(27.70, 121.10));
        await world.GridAsync("grid2", Registry.Square(27.80, 121.20));
        await r.PersonAsync("lead", "grid1", GridRole.Lead);
        foreach (var name in new[] { "a", "b", "c" })
        {
            await r.PersonAsync(name, "grid1");
        }

        await r.PersonAsync("d", "grid2");
        return world;
    }

    public async Task GridAsync(string name, GeoPolygon boundary)
    {
        var result = await _grains.GetGrain<IGridGrain>(Registry.Id(name)).CreateAsync(new GridProfile(Community, name, boundary));
        Assert.True(result.Succeeded, result.Detail);
    }

    public LaunchCommand Command(EmergencyScope? scope = null, EmergencyMode mode = EmergencyMode.Actual, IReadOnlyList<PostDefinition>? posts = null, RollCallTimers? timers = null) =>
        Launches.Command(scope ?? Launches.Grids(Grid1, Grid2), mode, posts, timers, District);

    public IEmergencyGrain Emergency(string name) => _grains.GetGrain<IEmergencyGrain>(Registry.Id(name));

    public IVolunteerGrain Person(string volunteerId) => _grains.GetGrain<IVolunteerGrain>(volunteerId);

    public async Task<IEmergencyGrain> LaunchAsync(string name, LaunchCommand command)
    {
        var emergency = Emergency(name);
        var result = await emergency.LaunchAsync(command);
        Assert.Equal(LaunchOutcome.Launched, result.Outcome);
        return emergency;
    }

    /// <summary>Waits until the roll-call satisfies a condition.</summary>
    public static async Task<RollCallSummary> RollCallAsync(IEmergencyGrain emergency, Func<RollCallSummary, bool> done, string what) =>
        (await Eventually.HoldsAsync(emergency.GetRollCallAsync, s => s is not null && done(s), deadline: TimeSpan.FromSeconds(30), what: what))!;

    /// <summary>Waits until everyone targeted was reached.</summary>
    public static Task<RollCallSummary> NotifiedAsync(IEmergencyGrain emergency) =>
        RollCallAsync(emergency, s => s.Counts.Unknown == 0 && s.Counts.Notified + s.Accounted == s.Total, "everyone notified");

    /// <summary>The latest message of an emergency on a person's page, once one arrived (optionally of a kind).</summary>
    public async Task<VolunteerAlert> AlertAsync(string volunteerId, string emergencyId, AlertKind? kind = null)
    {
        var alerts = await Eventually.HoldsAsync(
            () => Person(volunteerId).GetAlertsAsync(),
            list => list.Any(a => a.EmergencyId == emergencyId && (kind is null || a.Kind == kind)),
            deadline: TimeSpan.FromSeconds(30), what: $"{kind?.ToString() ?? "a message"} for {volunteerId}");
        return alerts.First(a => a.EmergencyId == emergencyId && (kind is null || a.Kind == kind));
    }

    public async Task<string> TokenAsync(string volunteerId, string emergencyId) =>
        (await AlertAsync(volunteerId, emergencyId)).Token!;

    public static RollCallReply Reply(string token, RollCallStatus status, Guid? requestId = null, GeoPoint? location = null, string? comment = null) =>
        new(token, null, status, RollCallChannel.Web, "self", false, comment, location, requestId);

    public static RollCallReply OnBehalf(string volunteerId, RollCallStatus status, string? comment) =>
        new(null, volunteerId, status, RollCallChannel.Phone, "lead-1", true, comment, null, null);
}
