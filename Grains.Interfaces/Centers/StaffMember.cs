namespace Lianxin.Centers;

/// <summary>One member of a center's staff.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.StaffMember")]
public sealed record StaffMember(
    [property: Id(0)] string Name,
    [property: Id(1)] StaffRole Role,
    [property: Id(2)] bool IsPartyMember,
    [property: Id(3)] int TrainingDays);
