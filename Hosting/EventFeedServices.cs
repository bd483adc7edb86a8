using System.Net;
using System.Net.Sockets;
using Lianxin.EventFeed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Lianxin.Hosting;

/// <summary>
/// What the outbound event feed needs in a silo: the publisher, push delivery's HTTP client (quick retries with
/// exponential backoff, a timeout per attempt, and a connection guard that refuses non-public addresses outside
/// Development), and a wake-up of every subscription when a silo starts.
/// </summary>
public static partial class EventFeedServices
{
    public static ISiloBuilder AddLianxinEventFeed(this ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(EventFeedOptions.Section);
        silo.Services.AddOptions<EventFeedOptions>().Bind(section).PostConfigure<IHostEnvironment>((o, environment) =>
            o.AllowPrivateEndpoints = EventFeedOptions.AllowsPrivate(configuration, environment.IsDevelopment()));
        silo.Services.AddSingleton<IEventFeed, EventFeed.EventFeed>();
        silo.Services.AddSingleton<EventPushClient>();
        // One request per event: the client's four log lines per request would cost more than the request; failures are
        // logged by the subscriber, with the event and the attempt.
        silo.Services.AddHttpClient(EventFeedOptions.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = GuardedConnectAsync(sp.GetRequiredService<IOptions<EventFeedOptions>>().Value.AllowPrivateEndpoints),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .AddResilienceHandler("event-push", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<EventFeedOptions>>().Value;
                if (options.Retries > 0)
                {
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                        MaxDelay = options.MaxBackoff,
                        ShouldRetryAfterHeader = true,
                    });
                }

                builder.AddTimeout(options.Timeout);
            });
        silo.AddStartupTask(WakeSubscriptionsAsync);
        return silo;
    }

    /// <summary>Connects only to public addresses (unless allowed): checked on the addresses the name resolves to now.</summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> GuardedConnectAsync(bool allowPrivate) => async (context, cancellationToken) =>
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || EndpointRules.IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves to no public address; event pushes go to public endpoints only.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };

    private static async Task WakeSubscriptionsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventFeedServices));
        try
        {
            var all = await grains.GetGrain<IEventSubscriptionDirectoryGrain>(0).ListAsync();
            foreach (var entry in all)
            {
                grains.GetGrain<IEventSubscriptionGrain>(entry.Id).WakeAsync().Ignore();
            }

            LogWoken(logger, all.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWakeFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} event subscriptions")]
    private static partial void LogWoken(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event subscriptions could not be woken at start; their reminders will wake them")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
