namespace Lianxin.Emergencies;

/// <summary>The persisted emergency directory. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.EmergencyDirectoryState")]
public sealed class EmergencyDirectoryState
{
    [Id(0)] public Dictionary<string, EmergencyEntry> Entries { get; set; } = [];
}
