namespace Lianxin.Common;

/// <summary>The answer to a registry write: an outcome and, when it failed, why.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RegistryResult")]
public sealed record RegistryResult([property: Id(0)] RegistryOutcome Outcome, [property: Id(1)] string? Detail = null)
{
    /// <summary>The thing did not exist and has been written.</summary>
    public static RegistryResult Created { get; } = new(RegistryOutcome.Created);

    /// <summary>The thing existed and has been changed.</summary>
    public static RegistryResult Updated { get; } = new(RegistryOutcome.Updated);

    /// <summary>The thing (or one it refers to) does not exist; nothing was written.</summary>
    public static RegistryResult NotFound(string detail) => new(RegistryOutcome.NotFound, detail);

    /// <summary>The write contradicts what is stored; nothing was written.</summary>
    public static RegistryResult Conflict(string detail) => new(RegistryOutcome.Conflict, detail);

    /// <summary>True for <see cref="RegistryOutcome.Created"/> and <see cref="RegistryOutcome.Updated"/>.</summary>
    public bool Succeeded => Outcome is RegistryOutcome.Created or RegistryOutcome.Updated;
}
