namespace Lianxin.Activities;

/// <summary>
/// An activity's durable write failed or another activation wrote first: whether the request took effect is unknown
/// until the activity is read again from the journal. Callers re-send (sign-ups are idempotent by key).
/// </summary>
[GenerateSerializer, Alias("Lianxin.ActivityUnavailableException")]
public sealed class ActivityUnavailableException : Exception
{
    /// <summary>An activity that cannot answer now, without a message.</summary>
    public ActivityUnavailableException()
    {
    }

    /// <summary>An activity that cannot answer now, and why.</summary>
    public ActivityUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>An activity that cannot answer now, why, and the failure behind it.</summary>
    public ActivityUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
