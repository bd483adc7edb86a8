namespace Lianxin.Residents;

/// <summary>The shape of a one-time sign-in code, which a caller can check before it asks the actor.</summary>
public static class SignInCode
{
    /// <summary>How many digits a code has.</summary>
    public const int Digits = 6;
}
