namespace Lianxin.Emergencies;

/// <summary>How emergencies send and publish; bound from the <c>Emergencies</c> configuration section.</summary>
public sealed class EmergencyOptions
{
    public const string Section = "Emergencies";

    /// <summary>Recipients per fan-out batch (one journal row each, one gateway request per channel).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Batches an emergency delivers at the same time.</summary>
    public int BatchesInFlight { get; set; } = 8;

    /// <summary>The CAP <c>sender</c> of every document: no spaces or commas.</summary>
    public string CapSender { get; set; } = "command@lianxin.example";

    /// <summary>The offset CAP times are written in (China Standard Time by default).</summary>
    public TimeSpan CapUtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The outbound gateways, each carrying one channel; a channel's gateways are tried in this order.</summary>
    public List<GatewayOptions> Gateways { get; set; } = [];

    /// <summary>
    /// The outbound channels in the order a person is tried when their profile names none. Channels without a
    /// gateway are skipped; in-app (the person's page) always comes first and needs none.
    /// </summary>
    public List<AlertChannel> DefaultChannels { get; set; } = [AlertChannel.Sms, AlertChannel.InstantMessage, AlertChannel.Voice];

    /// <summary>How long a person has to confirm receipt (answer) before the next channel is tried, unless the scenario sets it.</summary>
    public TimeSpan ChannelWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a batch that every gateway of its channel refused waits before it is sent again.</summary>
    public TimeSpan RetryRefusedAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The earlier form of the SMS gateways: URLs tried in order (kept working; each becomes an SMS gateway).</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Every gateway: the configured ones, then the SMS gateways of <see cref="Webhook"/>.</summary>
    public IReadOnlyList<GatewayOptions> AllGateways() =>
    [
        .. Gateways.Select((g, i) => g.Name is { Length: > 0 } ? g : g.WithName($"{g.Channel.ToString().ToLowerInvariant()}-{i + 1}")),
        .. Webhook.Urls.Select((url, i) => new GatewayOptions
        {
            Name = $"webhook-{i + 1}", Channel = AlertChannel.Sms, Url = url, Timeout = Webhook.Timeout,
        }),
    ];

    /// <summary>The outbound channels a person is tried on, in order: theirs or the default, those with a gateway.</summary>
    public IReadOnlyList<AlertChannel> ChannelsFor(IReadOnlyList<AlertChannel>? own)
    {
        var served = AllGateways().Select(g => g.Channel).ToHashSet();
        return [.. (own ?? DefaultChannels).Where(c => c != AlertChannel.App && served.Contains(c)).Distinct()];
    }
}

/// <summary>The earlier outbound webhook: gateway URLs tried in order for each batch until one accepts it (a 2xx answer).</summary>
public sealed class WebhookOptions
{
    public List<string> Urls { get; set; } = [];

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
