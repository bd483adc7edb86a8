using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// A scenario (预案) as written through the API; its owner is the caller's region or grid. A region's scenario may
/// carry <c>inboundRules</c>: the CAP warnings that propose or launch it.
/// </summary>
public sealed record ScenarioRequest(
    string? Id, string? Name, string? Level, string? Category, string? Event, TemplatesRequest? Templates,
    ScopeRequest? DefaultScope, PostRequest[]? Posts, TimersRequest? Timers, InboundRuleRequest[]? InboundRules = null)
{
    internal ScenarioDefinition ToDefinition(Validation v, string? ownerCenterId, string? ownerGridId)
    {
        var name = v.Text("name", Name, 100);
        var rules = InboundRuleRequest.ToDomain(InboundRules, ownerGridId is null, DefaultScope is not null, v, "inboundRules");
        return new ScenarioDefinition(
            name,
            v.Enum<EmergencyLevel>("level", Level),
            Category is null ? AlertCategory.Safety : v.Enum<AlertCategory>("category", Category),
            Event is null ? name : v.Text("event", Event, 100),
            TemplatesRequest.ToDomain(Templates, MessageTemplates.Default, v, "templates"),
            DefaultScope?.ToDomain(v, "defaultScope"),
            PostRequest.ToDomain(Posts, v, "posts"),
            TimersRequest.ToDomain(Timers, RollCallTimers.Default, v, "timers"),
            ownerCenterId,
            ownerGridId,
            rules);
    }
}
