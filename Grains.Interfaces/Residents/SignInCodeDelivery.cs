namespace Lianxin.Residents;

/// <summary>How a sign-in code reached (or did not reach) the resident.</summary>
[Alias("Lianxin.SignInCodeDelivery")]
public enum SignInCodeDelivery
{
    /// <summary>An SMS gateway accepted it.</summary>
    Sent = 1,

    /// <summary>No SMS gateway is configured; in demo mode the answer carries the code instead.</summary>
    NoGateway = 2,

    /// <summary>Every SMS gateway refused it or did not answer; the code was withdrawn.</summary>
    Refused = 3,
}
