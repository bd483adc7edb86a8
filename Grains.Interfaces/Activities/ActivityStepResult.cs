namespace Lianxin.Activities;

/// <summary>The answer to a step: how it went, why not, and the person's place after it when there is one.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ActivityStepResult")]
public sealed record ActivityStepResult(
    [property: Id(0)] ActivityStepOutcome Outcome,
    [property: Id(1)] string? Detail,
    [property: Id(2)] PersonPlace? Place)
{
    /// <summary>The step was taken; <paramref name="place"/> is the person's place after it, where one changed.</summary>
    public static ActivityStepResult Done(PersonPlace? place = null) => new(ActivityStepOutcome.Done, null, place);

    /// <summary>The activity or the person's sign-up does not exist.</summary>
    public static ActivityStepResult NotFound(string detail) => new(ActivityStepOutcome.NotFound, detail, null);

    /// <summary>The step does not fit the sign-up's present state; <paramref name="place"/> is that state.</summary>
    public static ActivityStepResult Conflict(string detail, PersonPlace? place = null) => new(ActivityStepOutcome.Conflict, detail, place);

    /// <summary>The step is not allowed (the activity's rules say no).</summary>
    public static ActivityStepResult Refused(string detail) => new(ActivityStepOutcome.Refused, detail, null);
}
