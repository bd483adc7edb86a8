namespace Lianxin.Shifts;

/// <summary>The answer to a change of the rota: done, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftStepResult")]
public sealed record ShiftStepResult([property: Id(0)] ShiftStepOutcome Outcome, [property: Id(1)] string? Detail = null)
{
    /// <summary>The change was made.</summary>
    public static ShiftStepResult Done { get; } = new(ShiftStepOutcome.Done);

    /// <summary>No such shift or occurrence, with what was looked for.</summary>
    public static ShiftStepResult NotFound(string detail) => new(ShiftStepOutcome.NotFound, detail);

    /// <summary>The change contradicts the rota as it is, with why.</summary>
    public static ShiftStepResult Conflict(string detail) => new(ShiftStepOutcome.Conflict, detail);
}

/// <summary>How a rota change went.</summary>
public enum ShiftStepOutcome
{
    /// <summary>The change was made.</summary>
    Done = 0,
    /// <summary>No such shift or occurrence.</summary>
    NotFound = 1,
    /// <summary>The change contradicts the rota as it is.</summary>
    Conflict = 2,
}
