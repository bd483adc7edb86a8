namespace Lianxin.Emergencies;

/// <summary>The launch a region's scenario makes when an inbound warning starts it: the scenario's own values throughout.</summary>
public static class ScenarioLaunch
{
    public static LaunchCommand? Command(ScenarioSnapshot scenario, EmergencyMode mode, EmergencyLevel level, string by)
    {
        var s = scenario.Definition;
        if (s.DefaultScope is not { } scope || s.OwnerCenterId is not { } home)
        {
            return null;
        }

        // Bounded by the owner's region, as an operator's own launch would be.
        return new LaunchCommand(
            s.Name, scenario.Id, mode, level, s.Category, s.Event, scope.WithinRegion(home), s.Posts, s.Timers, s.Templates, by, home, null);
    }
}
