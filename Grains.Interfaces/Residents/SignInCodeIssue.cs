namespace Lianxin.Residents;

/// <summary>What became of a code request: sent (or kept for display in demo mode), and until when the code is valid.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SignInCodeIssue")]
public sealed record SignInCodeIssue(
    [property: Id(0)] SignInCodeDelivery Delivery,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] string? Code);
