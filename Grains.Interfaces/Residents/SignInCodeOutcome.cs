namespace Lianxin.Residents;

/// <summary>What checking a sign-in code found.</summary>
[Alias("Lianxin.SignInCodeOutcome")]
public enum SignInCodeOutcome
{
    /// <summary>The code was right and is now used up.</summary>
    Verified = 1,

    /// <summary>The code was wrong; the code has attempts left.</summary>
    Wrong = 2,

    /// <summary>The code's time ran out.</summary>
    Expired = 3,

    /// <summary>No code is outstanding: none was asked for, or it was used or withdrawn.</summary>
    NoCode = 4,

    /// <summary>The code had its last wrong attempt and is withdrawn.</summary>
    AttemptsUsed = 5,
}
