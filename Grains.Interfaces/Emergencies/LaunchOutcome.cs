namespace Lianxin.Emergencies;

/// <summary>How a launch ended; the HTTP edge maps each to a status code.</summary>
public enum LaunchOutcome
{
    /// <summary>The emergency started now.</summary>
    Launched = 0,
    /// <summary>The same launch was accepted before (a double press): nothing new started.</summary>
    AlreadyLaunched = 1,
    /// <summary>The idempotency key was used before for a different launch.</summary>
    KeyReused = 2,
    /// <summary>The scope reaches nobody.</summary>
    EmptyAudience = 3,
    /// <summary>A grid or center of the scope does not exist.</summary>
    ScopeNotFound = 4,
}
