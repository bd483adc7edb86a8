using Lianxin.WebHost.Limits;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Security.Residents;

/// <summary>
/// Code requests per number and per client address, and code answers per address, counted across every web host by
/// the shared rate limits' actors (<see cref="SharedRateLimit"/>) in windows of <see cref="ResidentOptions.LimitWindow"/>;
/// and the needs a resident states per <see cref="ResidentOptions.OrderWindow"/>. Partitions name the number by its
/// pseudonym only.
/// </summary>
internal sealed class ResidentSignInLimits(SharedRateLimit shared, IOptions<ResidentOptions> options)
{
    private ResidentOptions Options => options.Value;

    public TimeSpan Window => Options.LimitWindow;

    public ValueTask<bool> MaySendToAsync(string pseudonym, CancellationToken cancellation) =>
        shared.TryAcquireAsync($"resident-code-number:{Options.LimitWindow.Ticks}:{pseudonym}", Options.CodesPerNumber, Options.LimitWindow, cancellation);

    public ValueTask<bool> MayAskFromAsync(HttpContext http) =>
        shared.TryAcquireAsync($"resident-code-address:{Options.LimitWindow.Ticks}:{Address(http)}", Options.CodesPerAddress, Options.LimitWindow, http.RequestAborted);

    public ValueTask<bool> MayVerifyFromAsync(HttpContext http) =>
        shared.TryAcquireAsync($"resident-verify-address:{Options.LimitWindow.Ticks}:{Address(http)}", Options.VerificationsPerAddress, Options.LimitWindow, http.RequestAborted);

    /// <summary>One more need stated by the resident in this order window (the pseudonym is their person id).</summary>
    public ValueTask<bool> MayOrderAsync(string personId, CancellationToken cancellation) =>
        shared.TryAcquireAsync($"resident-orders:{Options.OrderWindow.Ticks}:{personId}", Options.OrdersPerWindow, Options.OrderWindow, cancellation);

    /// <summary>How long until the current order window ends.</summary>
    public TimeSpan UntilNextOrderWindow(DateTimeOffset now) => TimeSpan.FromTicks(Options.OrderWindow.Ticks - (now.UtcTicks % Options.OrderWindow.Ticks));

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
