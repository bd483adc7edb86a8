using Lianxin.WebHost.Live;

namespace Lianxin.WebHost.Tests.Live;

/// <summary>
/// The web host keeps enough shared buffers for a live patch's fan-out unless the operator chose otherwise. What the
/// buffers save is measured by the push benchmark (BENCHMARKS.md (2c)), not here.
/// </summary>
public sealed class FanOutBuffersTests : IDisposable
{
    private readonly string? _before = Environment.GetEnvironmentVariable(FanOutBuffers.Variable);

    [Fact]
    public void AHostWhoseOperatorSetNothingKeepsABufferPerDashboardOfAPatch()
    {
        Environment.SetEnvironmentVariable(FanOutBuffers.Variable, null);

        FanOutBuffers.Reserve();

        Assert.Equal("1024", Environment.GetEnvironmentVariable(FanOutBuffers.Variable));
    }

    [Fact]
    public void AnOperatorsOwnValueWins()
    {
        Environment.SetEnvironmentVariable(FanOutBuffers.Variable, "64");

        FanOutBuffers.Reserve();

        Assert.Equal("64", Environment.GetEnvironmentVariable(FanOutBuffers.Variable));
    }

    public void Dispose() => Environment.SetEnvironmentVariable(FanOutBuffers.Variable, _before);
}
