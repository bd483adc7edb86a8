namespace Lianxin.Emergencies;

/// <summary>
/// The persisted state of an emergency: only its fixed definition and the secret its reply tokens are made with.
/// Everything that changes lives in the emergency's journal stream. A schema: members are only ever added.
/// </summary>
[GenerateSerializer, Alias("Lianxin.EmergencyState")]
public sealed class EmergencyState
{
    /// <summary>Null until a launch is accepted.</summary>
    [Id(0)] public EmergencyDefinition? Definition { get; set; }
    [Id(1)] public byte[] Secret { get; set; } = [];
}
