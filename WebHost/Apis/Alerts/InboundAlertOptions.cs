using System.Security.Cryptography;
using System.Text;

namespace Lianxin.WebHost.Apis.Alerts;

/// <summary>
/// The sources allowed to send CAP warnings (section <c>Alerts:Inbound</c>): each with its own key, sent in the
/// <c>X-Source-Key</c> header, and optionally the CAP senders it may speak for. No sources: the endpoint refuses
/// everyone.
/// </summary>
public sealed class InboundAlertOptions
{
    public const string Section = "Alerts:Inbound";

    public List<InboundSource> Sources { get; set; } = [];

    /// <summary>The source whose key this is; compares hashes in constant time.</summary>
    public InboundSource? SourceOfKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        InboundSource? found = null;
        foreach (var source in Sources.Where(s => s.Key is { Length: >= 16 }))
        {
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(source.Key!))))
            {
                found = source;
            }
        }

        return found;
    }
}

/// <summary>One warning source: a weather bureau, the emergency-management office.</summary>
public sealed class InboundSource
{
    /// <summary>A short code, recorded as who launched (<c>cap:{id}</c>) and in the audit log.</summary>
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>The source's secret key (at least 16 characters); keep it in a secret store, not in appsettings.json.</summary>
    public string? Key { get; set; }

    /// <summary>The CAP <c>sender</c> values this source may use; empty: any.</summary>
    public List<string> Senders { get; set; } = [];
}
