namespace Lianxin.Emergencies;

/// <summary>What a matching inbound warning does with its scenario.</summary>
public enum InboundAction
{
    /// <summary>Proposes the launch on the dashboard of the scenario's region, for one-key confirmation.</summary>
    Propose = 0,
    /// <summary>Launches at once.</summary>
    Launch = 1,
}
