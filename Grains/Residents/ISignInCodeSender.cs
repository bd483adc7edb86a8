namespace Lianxin.Residents;

/// <summary>Sends a sign-in code to a phone over the deployment's SMS gateways.</summary>
public interface ISignInCodeSender
{
    /// <summary>Whether any SMS gateway is configured at all.</summary>
    bool HasGateway { get; }

    /// <summary>True when a gateway accepted the message (2xx).</summary>
    Task<bool> SendAsync(string phone, string code, TimeSpan lifetime, CancellationToken cancellationToken);
}
