namespace Lianxin.Common;

/// <summary>The answer to a registry write: an outcome and, when it failed, why.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RegistryResult")]
public sealed record RegistryResult([property: Id(0)] RegistryOutcome Outcome, [property: Id(1)] string? Detail = null)
{
    public static RegistryResult Created { get; } = new(RegistryOutcome.Created);
    public static RegistryResult Updated { get; } = new(RegistryOutcome.Updated);
    public static RegistryResult NotFound(string detail) => new(RegistryOutcome.NotFound, detail);
    public static RegistryResult Conflict(string detail) => new(RegistryOutcome.Conflict, detail);

    /// <summary>True for <see cref="RegistryOutcome.Created"/> and <see cref="RegistryOutcome.Updated"/>.</summary>
    public bool Succeeded => Outcome is RegistryOutcome.Created or RegistryOutcome.Updated;
}
