using System.Net;
using System.Net.Sockets;

namespace Lianxin.EventFeed;

/// <summary>
/// Which push endpoints are acceptable (SSRF): https only, and only public addresses, unless private endpoints are
/// allowed (Development). Checked when a subscription is made (the URL) and again on every connection (the addresses
/// its name resolves to then), so a name that later resolves inward is refused too. Pure.
/// </summary>
public static class EndpointRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>Null when the URL may be subscribed; otherwise why not.</summary>
    public static string? UrlRefusal(string url, bool allowPrivate)
    {
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "Must be an absolute URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowPrivate && uri.Scheme == Uri.UriSchemeHttp))
        {
            return "Must be an https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "Must not carry credentials or a fragment.";
        }

        if (allowPrivate)
        {
            return null;
        }

        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".local", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return "Must not name this machine or a local network name.";
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IsPublic(address)
            ? "Must not be a loopback, private, link-local or otherwise non-public address."
            : null;
    }

    /// <summary>True for an address on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC);
    }
}
