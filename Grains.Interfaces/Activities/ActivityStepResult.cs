namespace Lianxin.Activities;

/// <summary>The answer to a step: how it went, why not, and the person's place after it when there is one.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityStepResult")]
public sealed record ActivityStepResult(
    [property: Id(0)] ActivityStepOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] PersonPlace? Place)
{
    public static ActivityStepResult Done(PersonPlace? place = null) => new(ActivityStepOutcome.Done, null, place);

    public static ActivityStepResult NotFound(string detail) => new(ActivityStepOutcome.NotFound, detail, null);

    public static ActivityStepResult Conflict(string detail, PersonPlace? place = null) => new(ActivityStepOutcome.Conflict, detail, place);

    public static ActivityStepResult Refused(string detail) => new(ActivityStepOutcome.Refused, detail, null);
}
