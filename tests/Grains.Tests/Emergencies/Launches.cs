using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.Grains.Tests.Emergencies;

/// <summary>Launch commands for tests.</summary>
internal static class Launches
{
    public static readonly RollCallTimers Slow = new(
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), 3, TimeSpan.FromHours(1), TimeSpan.FromHours(2));

    public static LaunchCommand Command(
        EmergencyScope scope, EmergencyMode mode = EmergencyMode.Actual, IReadOnlyList<PostDefinition>? posts = null,
        RollCallTimers? timers = null, string homeCenterId = "district", string? homeGridId = null) =>
        new("台风“海葵”防御", null, mode, EmergencyLevel.Orange, AlertCategory.Met, "台风", scope, posts ?? [], timers ?? Slow,
            MessageTemplates.Default, "operator-1", homeCenterId, homeGridId);

    public static EmergencyScope Grids(params string[] gridIds) => new(ScopeKind.Grids, gridIds);

    public static EmergencyScope Polygon(GeoPolygon polygon, string withinCenterId) =>
        new(ScopeKind.Polygon, [], polygon, null, withinCenterId);

    public static EmergencyScope Circle(GeoPoint center, double radiusMeters, string withinCenterId) =>
        new(ScopeKind.Circle, [], null, new GeoCircle(center, radiusMeters), withinCenterId);
}
