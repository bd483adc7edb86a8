namespace Lianxin.Activities;

/// <summary>How a step on an activity or a person's place went.</summary>
public enum ActivityStepOutcome
{
    /// <summary>Done (durable), or it was done before.</summary>
    Done = 0,
    /// <summary>The activity does not exist, or the person has no place in it.</summary>
    NotFound = 1,
    /// <summary>Not possible in the current state (the detail says why); nothing changed.</summary>
    Conflict = 2,
    /// <summary>Refused by a rule (an outsourced activity whose provider may not run it; the detail says why); nothing changed.</summary>
    Refused = 3,
}
