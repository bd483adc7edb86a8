namespace Lianxin.Emergencies;

/// <summary>Where an emergency is in its life.</summary>
public enum EmergencyPhase
{
    /// <summary>Launched and collecting answers.</summary>
    Running = 0,
    /// <summary>Ended: every status is frozen.</summary>
    Ended = 1,
    /// <summary>Cancelled: everyone was told to stand down; every status is frozen.</summary>
    Cancelled = 2,
}
