namespace Lianxin.Residents;

/// <summary>The answer to a code: its outcome and, after a wrong guess, how many attempts the code has left.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SignInCodeCheck")]
public sealed record SignInCodeCheck(
    [property: Id(0)] SignInCodeOutcome Outcome,
    [property: Id(1)] int AttemptsLeft);
