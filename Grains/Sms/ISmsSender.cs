namespace Lianxin.Sms;

/// <summary>Sends single texts over the deployment's SMS gateways (the emergencies' gateways of channel <c>Sms</c>).</summary>
public interface ISmsSender
{
    /// <summary>Whether any SMS gateway is configured at all.</summary>
    bool HasGateway { get; }

    /// <summary>True when a gateway accepted the text (2xx); false when every gateway refused it or could not be reached.</summary>
    Task<bool> SendAsync(SmsText text, CancellationToken cancellationToken);
}
