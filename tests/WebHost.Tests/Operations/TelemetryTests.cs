using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Tests.Registry;
using Lianxin.Hosting.Operations;
using Serilog.Events;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>What an operator follows a request by: one trace across the hops, a request log line, the scrape endpoint.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class TelemetryTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    private readonly string _district = $"t{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task OneRequestIsOneTraceFromHttpThroughTheActorIntoSql()
    {
        var traceId = await CreateCenterInTraceAsync(_district, "district", null, recorded: true);

        await RecordedTraceReachesSqlAsync(traceId);
    }

    [Fact]
    public async Task ARequestWhoseCallerDoesNotRecordItLeavesNoSpanInTheActors()
    {
        // Orleans' own propagation began a trace of its own at every grain call of such a request, and recorded it.
        var unrecorded = await CreateCenterInTraceAsync(_district, "district", null, recorded: false);
        // Spans are exported as each ends: once a recorded request after it has reached SQL, the first one's are in too.
        await RecordedTraceReachesSqlAsync(await CreateCenterInTraceAsync($"{_district}-street", "street", _district, recorded: true));

        Assert.DoesNotContain(host.Spans, s => s.TraceId == unrecorded);
        // Nor did any other request: a trace begins only where a request enters.
        Assert.All(host.Spans.Where(s => s.ParentSpanId == default), root => Assert.Equal("Microsoft.AspNetCore", root.Source.Name));
    }

    [Fact]
    public async Task RequestLogNamesTheRouteStatusAndTraceButNeverThePathAsSentOrItsQuery()
    {
        var client = host.ClientAs(Role.Operator, _district);
        var person = $"v-{Guid.NewGuid():N}";

        await client.GetAsync($"/api/v1/volunteers/{person}?idNumber=330102199001011234");

        var line = await Eventually.HoldsAsync(
            () => Task.FromResult(host.Logs.FirstOrDefault(e => Scalar(e, "Route") == "/api/v1/volunteers/{id}" && Scalar(e, "Method") == "GET")),
            e => e is not null, what: $"the request's log line among {host.Logs.Count} events: "
                + string.Join("; ", host.Logs.Where(l => l.Properties.ContainsKey("Route")).Take(5).Select(l => l.RenderMessage())));
        var text = line!.RenderMessage() + string.Join(" ", line.Properties.Values);
        Assert.DoesNotContain(person, text, StringComparison.Ordinal);
        Assert.DoesNotContain("330102199001011234", text, StringComparison.Ordinal);
        Assert.Equal("404", Scalar(line, "Status"));
        Assert.NotNull(Scalar(line, "DurationMs"));
        // The line's own trace id (Serilog's, as JSON logs write it) and the one it names are the request's.
        Assert.Equal(line.TraceId?.ToHexString(), Scalar(line, "TraceId"));
        Assert.Contains(host.Spans, s => s.Kind == ActivityKind.Server && s.TraceId == line.TraceId);
    }

    [Fact]
    public async Task PrometheusScrapesItsOwnPortAndTheApiPortDoesNotServeIt()
    {
        var client = host.ClientAs(Role.Operator, _district);
        await client.GetAsync($"/api/v1/centers/{_district}");

        var scrape = await ScrapeOnceItShowsAsync("http_server_request_duration_seconds_bucket");

        Assert.Contains("orleans_catalog_activations", scrape, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds", scrape, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Host.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task TheScrapeLeavesOutGaugesThatWalkEveryActorAndKeepsTheirNeighbours()
    {
        var scrape = await ScrapeOnceItShowsAsync("orleans_catalog_activations");

        // Each of these is read by walking every activation, directory entry or timer queue of the host at every scrape.
        Assert.DoesNotContain("orleans_directory_cache_size", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("orleans_messaging_processing_activation_data", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_timer_count", scrape, StringComparison.Ordinal);
        // Their meters' other instruments, which the Grafana dashboard reads, are still there.
        Assert.Contains("dotnet_process_memory_working_set_bytes", scrape, StringComparison.Ordinal);
        Assert.Contains("orleans_consistent_ring_size", scrape, StringComparison.Ordinal);
    }

    /// <summary>Scrapes the host's Prometheus port as Prometheus does, until the scrape shows <paramref name="metric"/>.</summary>
    private async Task<string> ScrapeOnceItShowsAsync(string metric)
    {
        using var scraper = new HttpClient();
        return await Eventually.HoldsAsync(
            () => scraper.GetStringAsync(new Uri($"http://127.0.0.1:{host.PrometheusPort}/metrics")),
            s => s.Contains(metric, StringComparison.Ordinal), what: $"{metric} in the scrape");
    }

    /// <summary>
    /// Creates a center in a trace of the test's own (W3C traceparent, as a caller's tracing sends it): listeners are
    /// process-wide, so spans of every host in this test process land here and the trace id tells this request's apart.
    /// </summary>
    private async Task<ActivityTraceId> CreateCenterInTraceAsync(string id, string level, string? parentId, bool recorded)
    {
        var client = host.ClientAs(Role.Operator, _district);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/centers") { Content = JsonContent.Create(Requests.Center(id, level, parentId)) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-{(recorded ? "01" : "00")}");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return traceId;
    }

    private async Task RecordedTraceReachesSqlAsync(ActivityTraceId traceId)
    {
        var server = await Eventually.HoldsAsync(
            () => Task.FromResult(host.Spans.FirstOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
                && (s.GetTagItem("http.route") as string) == "/api/v1/centers/" && (s.GetTagItem("http.request.method") as string) == "POST")),
            s => s is not null, what: "the POST's server span");
        // A request makes several grain calls (its rate-limit lease among them), and spans arrive as each ends: wait
        // for a SQL statement inside a grain call inside the HTTP request.
        await Eventually.HoldsAsync(
            () => Task.FromResult(host.Spans.Where(s => s.TraceId == traceId).ToList()),
            trace => trace.Where(s => s.Source.Name == "Npgsql").Any(sql => trace
                .Where(s => s.Source.Name == RecordedTrace.GrainCallSource && s.Kind == ActivityKind.Server)
                .Any(grain => IsDescendant(sql, grain, trace) && IsDescendant(grain, server!, trace))),
            what: "a SQL statement inside a grain call inside the request's HTTP span");
    }

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static bool IsDescendant(System.Diagnostics.Activity child, System.Diagnostics.Activity ancestor, IReadOnlyList<System.Diagnostics.Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = child; current is not null; current = byId.GetValueOrDefault(current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
