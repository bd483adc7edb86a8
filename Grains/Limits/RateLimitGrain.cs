namespace Lianxin.Limits;

/// <summary>One rate-limit partition's granted permits per window, shared by the web hosts (see <see cref="IRateLimitGrain"/>).</summary>
internal sealed class RateLimitGrain : Grain, IRateLimitGrain
{
    private readonly WindowPermits _permits = new();

    public Task<int> LeaseAsync(long window, int permitLimit, int requested) =>
        Task.FromResult(_permits.Grant(window, permitLimit, requested));
}
