using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Hosting;

/// <summary>Says loudly, at start, that the embedded default keeps nothing across a restart.</summary>
internal sealed partial class NotDurableWarning(ILogger<NotDurableWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogNotDurable();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No ConnectionStrings:Lianxin configured: running on in-memory storage. Data is NOT durable and is lost when this process stops.")]
    private partial void LogNotDurable();
}
