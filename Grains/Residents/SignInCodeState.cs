namespace Lianxin.Residents;

/// <summary>The persisted code of one number: a salted hash, never the code. A schema: members only added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.SignInCodeState")]
public sealed class SignInCodeState
{
    [Id(0)] public byte[]? Hash { get; set; }

    [Id(1)] public byte[] Salt { get; set; } = [];

    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }

    [Id(3)] public int WrongAttempts { get; set; }
}
