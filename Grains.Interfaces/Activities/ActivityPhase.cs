namespace Lianxin.Activities;

/// <summary>Where an activity is in its life.</summary>
public enum ActivityPhase
{
    /// <summary>Published: sign-up follows its window.</summary>
    Published = 0,
    /// <summary>Cancelled by its center; everyone signed up was told.</summary>
    Cancelled = 1,
    /// <summary>Over: attendance is final and no-shows are recorded.</summary>
    Ended = 2,
}
