namespace Lianxin.Volunteers;

/// <summary>
/// The people whose page is open, in memory. A line lapses when its feed stops renewing (web hosts renew every
/// 30 s), so a web host that died leaves no page open for long.
/// </summary>
internal sealed class OpenPagesGrain(TimeProvider clock) : Grain, IOpenPagesGrain
{
    private static readonly TimeSpan Lapse = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, DateTimeOffset> _open = new(StringComparer.Ordinal);

    public Task OpenAsync(string volunteerId)
    {
        _open[volunteerId] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task CloseAsync(string volunteerId)
    {
        _open.Remove(volunteerId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetOpenAsync()
    {
        var since = clock.GetUtcNow() - Lapse;
        return Task.FromResult<IReadOnlyList<string>>([.. _open.Where(p => p.Value >= since).Select(p => p.Key)]);
    }
}
