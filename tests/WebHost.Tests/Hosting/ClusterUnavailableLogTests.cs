using Lianxin.WebHost.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Lianxin.WebHost.Tests.Hosting;

public sealed class ClusterUnavailableLogTests
{
    [Fact]
    public async Task TheFailoverAnswerLogsTheRouteNotThePersonIdInThePath()
    {
        var logger = new KeptLines();
        var handler = new ClusterUnavailableExceptionHandler(new NoProblems(), logger);
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/api/v1/people/110101199003071234/ledger";
        http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/v1/people/{id}/ledger"), 0, null, "ledger"));

        var handled = await handler.TryHandleAsync(http, new SiloUnavailableException(), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(503, http.Response.StatusCode);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("/api/v1/people/{id}/ledger", line, StringComparison.Ordinal);
        Assert.DoesNotContain("110101199003071234", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActorThatCouldNotReadItsStateBecauseTheDatabaseDidNotAnswerIsA503ToSendAgain()
    {
        var handler = new ClusterUnavailableExceptionHandler(new NoProblems(), new KeptLines());
        var http = new DefaultHttpContext();
        var activation = new OrleansException("Error from storage provider during ReadStateAsync", new Lianxin.Common.DatabaseUnavailableException("no answer"));

        var handled = await handler.TryHandleAsync(http, activation, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());
        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new OrleansException("a bug", new InvalidOperationException()), CancellationToken.None));
    }

    [Fact]
    public async Task AnActivationCanceledForOutlastingItsTimeIsA503ToSendAgainUnlessTheCallerWentAway()
    {
        // Orleans cancels an activation that outlasts its time (an emergency replaying its journal on a silo the failover
        // loaded), and its callers get the cancellation: the request did not take effect, and the same request will.
        var handler = new ClusterUnavailableExceptionHandler(new NoProblems(), new KeptLines());
        var http = new DefaultHttpContext();

        Assert.True(await handler.TryHandleAsync(http, new TaskCanceledException(), CancellationToken.None));
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("2", http.Response.Headers.RetryAfter.ToString());

        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var abandoned = new DefaultHttpContext { RequestAborted = gone.Token };
        Assert.False(await handler.TryHandleAsync(abandoned, new OperationCanceledException(gone.Token), CancellationToken.None));
    }

    private sealed class NoProblems : IProblemDetailsService
    {
        public ValueTask WriteAsync(ProblemDetailsContext context) => ValueTask.CompletedTask;

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context) => ValueTask.FromResult(true);
    }

    private sealed class KeptLines : ILogger<ClusterUnavailableExceptionHandler>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
