using Lianxin.WebHost.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Tests.Security;

public sealed class JournalWriteBackpressureTests
{
    [Fact]
    public async Task AWriteBeyondThoseWaitingIsAnswered503AtOnceAndTheNextOneIsTakenAgain()
    {
        using var backpressure = new JournalWriteBackpressure(Options.Create(new LimitsOptions { MaxJournalWritesInFlight = 1 }));
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = backpressure.InvokeAsync(Invocation(), _ => new ValueTask<object?>(release.Task)).AsTask();

        var overflow = new DefaultHttpContext();
        var refused = await backpressure.InvokeAsync(EndpointFilterInvocationContext.Create(overflow), _ => throw new InvalidOperationException("must not run"));
        release.SetResult("written");
        var first = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        var next = await backpressure.InvokeAsync(Invocation(), _ => new ValueTask<object?>("written again"));

        Assert.Equal(503, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        Assert.Equal("1", overflow.Response.Headers.RetryAfter.ToString());
        Assert.Equal("written", first);
        Assert.Equal("written again", next);
    }

    private static EndpointFilterInvocationContext Invocation() => EndpointFilterInvocationContext.Create(new DefaultHttpContext());
}
