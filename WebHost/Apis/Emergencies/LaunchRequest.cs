using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// A one-key launch: a mode (<c>actual</c>, <c>exercise</c>, <c>test</c>), and either a scenario whose prepared
/// values apply or everything spelled out. Values given here override the scenario's. <c>musterPoint</c> is where people
/// gather, shown on the kiosks of the covered centers (the first post's location otherwise).
/// </summary>
public sealed record LaunchRequest(
    string? ScenarioId, string? Name, string? Mode, string? Level, string? Category, string? Event, ScopeRequest? Scope,
    PostRequest[]? Posts, TimersRequest? Timers, TemplatesRequest? Templates, string? MusterPoint = null)
{
    /// <summary>
    /// The launch command without its launcher (added once authorization knows who and where): the scenario's
    /// values, overridden by the request's.
    /// </summary>
    internal LaunchCommand ToCommand(Validation v, ScenarioSnapshot? scenario)
    {
        var prepared = scenario?.Definition;
        var name = Name is null && prepared is not null ? prepared.Name : v.Text("name", Name, 100);
        var scope = Scope?.ToDomain(v, "scope") ?? prepared?.DefaultScope;
        if (scope is null)
        {
            v.Add("scope", "Say who to reach: grids, centers, a region, teams, a polygon or a circle (or use a scenario with a default scope).");
        }

        return new LaunchCommand(
            name,
            scenario?.Id,
            v.Enum<EmergencyMode>("mode", Mode),
            Level is null && prepared is not null ? prepared.Level : v.Enum<EmergencyLevel>("level", Level),
            Category is null ? prepared?.Category ?? AlertCategory.Safety : v.Enum<AlertCategory>("category", Category),
            Event is null ? prepared?.Event ?? name : v.Text("event", Event, 100),
            scope ?? new EmergencyScope(ScopeKind.Grids, []),
            Posts is null ? prepared?.Posts ?? [] : PostRequest.ToDomain(Posts, v, "posts"),
            TimersRequest.ToDomain(Timers, prepared?.Timers ?? RollCallTimers.Default, v, "timers"),
            TemplatesRequest.ToDomain(Templates, prepared?.Templates ?? MessageTemplates.Default, v, "templates"),
            LaunchedBy: "",
            HomeCenterId: "",
            HomeGridId: null,
            MusterPoint: MusterPoint is null ? null : v.Text("musterPoint", MusterPoint, 200));
    }
}
