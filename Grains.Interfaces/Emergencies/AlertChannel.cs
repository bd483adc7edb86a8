namespace Lianxin.Emergencies;

/// <summary>
/// A way a message reaches a person. In-app is always there (the person's page); the others are outbound gateways,
/// tried in the person's order until the person confirms receipt by answering.
/// </summary>
public enum AlertChannel
{
    /// <summary>The person's page (in-app push): needs no gateway.</summary>
    App = 0,
    /// <summary>An SMS gateway.</summary>
    Sms = 1,
    /// <summary>An instant-messaging gateway.</summary>
    InstantMessage = 2,
    /// <summary>A voice-call gateway (text to speech).</summary>
    Voice = 3,
}
