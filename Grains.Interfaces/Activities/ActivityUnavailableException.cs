namespace Lianxin.Activities;

/// <summary>
/// An activity's durable write failed or another activation wrote first: whether the request took effect is unknown
/// until the activity is read again from the journal. Callers re-send (sign-ups are idempotent by key).
/// </summary>
[GenerateSerializer, Alias("Lianxin.ActivityUnavailableException")]
public sealed class ActivityUnavailableException : Exception
{
    public ActivityUnavailableException()
    {
    }

    public ActivityUnavailableException(string message)
        : base(message)
    {
    }

    public ActivityUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
