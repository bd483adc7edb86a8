namespace Lianxin.Residents;

/// <summary>A request for a sign-in code: the number to send it to (not stored), how long it lives, and whether to answer it.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SignInCodeRequest")]
public sealed record SignInCodeRequest(
    [property: Id(0)] string Phone,
    [property: Id(1)] TimeSpan Lifetime,
    [property: Id(2)] bool Reveal);
