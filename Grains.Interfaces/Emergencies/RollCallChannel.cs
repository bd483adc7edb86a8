namespace Lianxin.Emergencies;

/// <summary>The way a message went out or an answer came in.</summary>
public enum RollCallChannel
{
    /// <summary>Set by the system itself (notified, frozen).</summary>
    System = 0,
    /// <summary>In-app push to the volunteer's page.</summary>
    App = 1,
    /// <summary>The web API (a page or a grid lead's console).</summary>
    Web = 2,
    /// <summary>An SMS gateway (a reply such as "1", "2", "3").</summary>
    Sms = 3,
    /// <summary>An instant-messaging gateway.</summary>
    InstantMessage = 4,
    /// <summary>A phone call taken by a grid lead.</summary>
    Phone = 5,
    /// <summary>The outbound webhook channel.</summary>
    Webhook = 6,
}
