namespace Lianxin.Activities;

/// <summary>
/// One sign-up attempt: who for, the client's idempotency key (a re-sent attempt with the same key gets the first
/// answer again), and who made it (the person, or staff on their behalf).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SignUpAttempt")]
public sealed record SignUpAttempt(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] string By);
