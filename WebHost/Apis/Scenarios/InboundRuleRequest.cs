using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// A scenario's rule for inbound CAP warnings: <c>events</c> (words the CAP event contains; empty: any),
/// <c>minSeverity</c> (minor … extreme), <c>urgencies</c> (empty: any), <c>action</c> (<c>propose</c> or
/// <c>launch</c>), <c>mode</c> and optionally <c>level</c> (else the severity's).
/// </summary>
public sealed record InboundRuleRequest(string[]? Events, string? MinSeverity, string[]? Urgencies, string? Action, string? Mode, string? Level)
{
    public const int MaxRules = 10;

    internal static IReadOnlyList<InboundRule>? ToDomain(InboundRuleRequest[]? rules, bool regionScenario, bool hasDefaultScope, Validation v, string field)
    {
        if (rules is not { Length: > 0 })
        {
            return null;
        }

        if (rules.Length > MaxRules)
        {
            v.Add(field, $"At most {MaxRules} rules.");
        }

        if (!regionScenario)
        {
            v.Add(field, "Only a region's scenario may be started by inbound warnings: a grid lead's launches stay the grid lead's.");
        }

        if (!hasDefaultScope)
        {
            v.Add(field, "A scenario started by inbound warnings needs a defaultScope: its area is what the warning's area must overlap.");
        }

        return [.. rules.Take(MaxRules).Select((r, i) => r.ToDomain(v, $"{field}[{i}]"))];
    }

    private InboundRule ToDomain(Validation v, string field)
    {
        var events = (Events ?? []).Take(20).Select((e, i) => v.Text($"{field}.events[{i}]", e, 50)).ToList();
        var urgencies = (Urgencies ?? []).Take(5).Select((u, i) => v.Enum<CapUrgency>($"{field}.urgencies[{i}]", u)).ToList();
        return new InboundRule(
            events,
            MinSeverity is null ? CapSeverity.Minor : v.Enum<CapSeverity>($"{field}.minSeverity", MinSeverity),
            urgencies,
            v.Enum<InboundAction>($"{field}.action", Action),
            v.Enum<EmergencyMode>($"{field}.mode", Mode),
            Level is null ? null : v.Enum<EmergencyLevel>($"{field}.level", Level));
    }
}
