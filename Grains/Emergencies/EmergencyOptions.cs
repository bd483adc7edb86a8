namespace Lianxin.Emergencies;

/// <summary>How emergencies send and publish; bound from the <c>Emergencies</c> configuration section.</summary>
public sealed class EmergencyOptions
{
    public const string Section = "Emergencies";

    /// <summary>Recipients per fan-out batch (one actor call each, one gateway request per batch).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Batches an emergency delivers at the same time.</summary>
    public int BatchesInFlight { get; set; } = 8;

    /// <summary>The CAP <c>sender</c> of every document: no spaces or commas.</summary>
    public string CapSender { get; set; } = "command@lianxin.example";

    /// <summary>The offset CAP times are written in (China Standard Time by default).</summary>
    public TimeSpan CapUtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The outbound channel to SMS / instant-messaging gateways.</summary>
    public WebhookOptions Webhook { get; set; } = new();
}

/// <summary>
/// The outbound webhook: gateway URLs tried in order for each batch until one accepts it (a 2xx answer). No URLs:
/// the channel is off and only in-app push is used.
/// </summary>
public sealed class WebhookOptions
{
    public List<string> Urls { get; set; } = [];

    /// <summary>How long one attempt may take before the next gateway is tried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
