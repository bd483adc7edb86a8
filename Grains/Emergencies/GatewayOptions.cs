namespace Lianxin.Emergencies;

/// <summary>
/// One outbound gateway (<c>Emergencies:Gateways:N</c>): the channel it carries, where it is, and how hard it may be
/// pushed: a rate limit in messages per second, retries with exponential backoff (honouring <c>Retry-After</c>), a
/// per-attempt timeout, and a circuit breaker that stops sending to it for a while once most attempts fail.
/// </summary>
public sealed class GatewayOptions
{
    public string Name { get; set; } = "";

    public AlertChannel Channel { get; set; } = AlertChannel.Sms;

    public string Url { get; set; } = "";

    /// <summary>Messages (recipients) per second this gateway accepts; a batch waits for its share.</summary>
    public int MessagesPerSecond { get; set; } = 20_000;

    /// <summary>Retries of one batch on this gateway before the next gateway of the channel is tried.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The first retry's delay; each next one doubles it (with jitter), unless the gateway says Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest a Retry-After is waited for; longer ones move on to the next gateway.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The breaker opens when this share of the attempts in <see cref="BreakerSampling"/> failed...</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many attempts were made.</summary>
    public int BreakerMinimumAttempts { get; set; } = 4;

    public TimeSpan BreakerSampling { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open breaker sends nothing to the gateway before one probe is let through.</summary>
    public TimeSpan BreakerOpenFor { get; set; } = TimeSpan.FromSeconds(15);

    public GatewayOptions WithName(string name)
    {
        var copy = (GatewayOptions)MemberwiseClone();
        copy.Name = name;
        return copy;
    }
}
