using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// Failed sign-ins (a forged or expired token, an unknown kiosk or a wrong device key) counted per remote address.
/// An address over its allowance is refused before anything checks its credentials, so guessing kiosk ids cannot
/// wake one actor per guess. Kiosks that proved their key on this host are remembered and still checked, so a
/// neighbour behind the same address cannot lock a working kiosk out.
/// </summary>
public sealed class FailedAuthentications : IDisposable
{
    /// <summary>How many proven kiosk ids are remembered; beyond it the oldest half is forgotten.</summary>
    private const int MaxRememberedKiosks = 100_000;

    private readonly PartitionedRateLimiter<string> _failures;
    private readonly ConcurrentDictionary<string, byte> _provenKiosks = new(StringComparer.Ordinal);

    public FailedAuthentications(IOptions<LimitsOptions> limits)
    {
        var options = limits.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailedAuthenticationPermitLimit,
            Window = options.FailedAuthenticationWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when the address used up its failed sign-ins for this window.</summary>
    public bool IsBlocked(IPAddress? address) =>
        _failures.GetStatistics(Key(address)) is { CurrentAvailablePermits: <= 0 };

    /// <summary>True when a kiosk credential for <paramref name="kioskId"/> may be checked against its actor.</summary>
    public bool MayCheckKiosk(IPAddress? address, string kioskId) => IsProvenKiosk(kioskId) || !IsBlocked(address);

    /// <summary>True when a kiosk proved its key on this host before.</summary>
    public bool IsProvenKiosk(string kioskId) => _provenKiosks.ContainsKey(kioskId);

    public void Failed(IPAddress? address)
    {
        using var lease = _failures.AttemptAcquire(Key(address));
    }

    public void KioskProven(string kioskId)
    {
        if (_provenKiosks.Count >= MaxRememberedKiosks)
        {
            foreach (var key in _provenKiosks.Keys.Take(MaxRememberedKiosks / 2))
            {
                _provenKiosks.TryRemove(key, out _);
            }
        }

        _provenKiosks.TryAdd(kioskId, 0);
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";
}
