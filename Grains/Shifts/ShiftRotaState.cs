namespace Lianxin.Shifts;

/// <summary>The persisted state of a center's rota. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.ShiftRotaState")]
public sealed class ShiftRotaState
{
    /// <summary>Every shift the center defined, retired ones too, by shift id.</summary>
    [Id(0)] public Dictionary<string, ShiftDefinition> Definitions { get; set; } = [];

    /// <summary>The occurrences from recently settled ones to the horizon, by occurrence id.</summary>
    [Id(1)] public Dictionary<string, ShiftOccurrence> Occurrences { get; set; } = [];
}
