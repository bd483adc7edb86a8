namespace Lianxin.Shifts;

/// <summary>The persisted state of a center's rota. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ShiftRotaState")]
public sealed class ShiftRotaState
{
    /// <summary>Every shift the center defined, retired ones too, by shift id.</summary>
    [Id(0)] public Dictionary<string, ShiftDefinition> Definitions { get; set; } = [];

    /// <summary>The occurrences from recently settled ones to the horizon, by occurrence id.</summary>
    [Id(1)] public Dictionary<string, ShiftOccurrence> Occurrences { get; set; } = [];

    /// <summary>The staff contact's phone for the short-of-people alert (an office or duty number), if registered.</summary>
    [Id(2)] public string? StaffPhone { get; set; }

    /// <summary>Texts owed and not yet sent, by text id: written before they are sent, left when the sender is done.</summary>
    [Id(3)] public Dictionary<string, ShiftText> Outbox { get; set; } = [];

    /// <summary>The ids of every text ever queued, by occurrence: a text is queued once per occurrence, kind and person.</summary>
    [Id(4)] public Dictionary<string, List<string>> Texted { get; set; } = [];
}
