namespace Lianxin.Shifts;

/// <summary>The answer to a change of the rota: done, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ShiftStepResult")]
public sealed record ShiftStepResult([property: Id(0)] ShiftStepOutcome Outcome, [property: Id(1)] string? Detail = null)
{
    public static ShiftStepResult Done { get; } = new(ShiftStepOutcome.Done);

    public static ShiftStepResult NotFound(string detail) => new(ShiftStepOutcome.NotFound, detail);

    public static ShiftStepResult Conflict(string detail) => new(ShiftStepOutcome.Conflict, detail);
}

/// <summary>How a rota change went.</summary>
public enum ShiftStepOutcome
{
    Done = 0,
    NotFound = 1,
    Conflict = 2,
}
