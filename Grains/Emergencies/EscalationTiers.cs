namespace Lianxin.Emergencies;

/// <summary>Who the unaccounted are escalated to, first and then.</summary>
internal static class EscalationTiers
{
    public const string GridLead = "gridLead";
    public const string Command = "command";
}
