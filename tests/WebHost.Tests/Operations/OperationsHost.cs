using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Core;
using Serilog.Events;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>
/// A web host on PostgreSQL with telemetry as a deployment turns it on (every trace recorded here), its spans kept in
/// memory, its log events captured, and its Prometheus endpoint on a port of its own.
/// </summary>
public sealed class OperationsHost : IAsyncLifetime
{
    private LianxinWebFactory? _factory;

    public ConcurrentQueue<System.Diagnostics.Activity> Spans { get; } = new();

    public ConcurrentQueue<LogEvent> Logs { get; } = new();

    public int PrometheusPort { get; } = FreePort.Next();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync();
        _factory = new LianxinWebFactory(connectionString, settings: new Dictionary<string, string>
        {
            ["Telemetry:Tracing"] = "true",
            ["Telemetry:TraceSampleRatio"] = "1",
            ["Telemetry:PrometheusPort"] = PrometheusPort.ToString(CultureInfo.InvariantCulture),
            ["Telemetry:PrometheusHost"] = "127.0.0.1",
        });
        Host = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new QueueCollection<System.Diagnostics.Activity>(Spans)));
            services.AddSingleton<ILogEventSink>(new QueueSink(Logs));
        }));
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public HttpClient ClientAs(Role role, string scopeId)
    {
        var client = Host.CreateClient();
        var (token, _) = Host.Services.GetRequiredService<TokenIssuer>().Issue(new Caller($"{role}:{scopeId}", role, scopeId));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class QueueSink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }

    /// <summary>The exporter adds from its own thread while tests read: a queue under the collection it wants.</summary>
    private sealed class QueueCollection<T>(ConcurrentQueue<T> queue) : ICollection<T>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(T item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(T item) => queue.Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(T item) => throw new NotSupportedException();

        public IEnumerator<T> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
