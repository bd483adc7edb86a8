namespace Lianxin.Hosting.Operations;

/// <summary>
/// The reverse proxies (ingress controllers, load balancers) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// headers are believed (<c>Network:*</c>). Nobody else's are: a client cannot pick its own address to escape its
/// rate limit or to be recorded in the audit log as someone else.
/// </summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Addresses of the proxies in front of the web hosts, e.g. <c>10.0.0.12</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.244.0.0/16</c> (the ingress pods' network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are believed, counting from the web host.</summary>
    public int ForwardLimit { get; set; } = 1;

    internal bool TrustsProxies => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
