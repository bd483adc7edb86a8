namespace Lianxin.Residents;

/// <summary>
/// The one-time sign-in code of one phone number, keyed by the number's pseudonym (<c>pid-…</c>), so every web host
/// sees the same code, attempts and expiry. It keeps only a salted hash of the code; the number itself passes through
/// a call to be sent and is never stored.
/// </summary>
[Alias("Lianxin.IResidentSignInGrain")]
public interface IResidentSignInGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes a new code (replacing any earlier one), keeps its hash durably, then sends it through the SMS gateways;
    /// the code itself comes back only when <see cref="SignInCodeRequest.Reveal"/> asks for it (demo mode).
    /// </summary>
    [Alias("Issue")]
    Task<SignInCodeIssue> IssueAsync(SignInCodeRequest request);

    /// <summary>Checks a code: verified once, then used up; a wrong guess counts against the code's attempts.</summary>
    [Alias("Verify")]
    Task<SignInCodeCheck> VerifyAsync(string code, int maxAttempts);
}
