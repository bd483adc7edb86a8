using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Common.Journal;
using Lianxin.Hosting.Operations;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Tests.Operations;

/// <summary>
/// The Grafana dashboard in the repository (<c>k8s/grafana/lianxin-dashboard.json</c>) is valid JSON and asks only for
/// metrics the hosts export: every instrument of an exported meter, named as the Prometheus exporter names it.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed partial class GrafanaDashboardTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "rate", "irate", "increase", "histogram_quantile", "max", "min", "avg", "count", "by", "without", "le", "on", "ignoring",
        "and", "or", "unless", "offset", "clamp_min", "clamp_max", "abs", "topk", "bottomk",
    ];

    [Fact]
    public async Task EveryPanelQueriesAMetricTheHostsExport()
    {
        var exported = await ExportedNamesAsync();
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "k8s", "grafana", "lianxin-dashboard.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.NotEmpty(panels);
        var unknown = new List<string>();
        foreach (var panel in panels)
        {
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"panel '{panel.GetProperty("title")}' has no query");
            foreach (var expr in targets.Select(t => t.GetProperty("expr").GetString()!))
            {
                var metrics = MetricNames(expr).ToList();
                Assert.True(metrics.Count > 0, $"'{expr}' names no metric");
                unknown.AddRange(metrics.Where(m => !exported.Contains(m)).Select(m => $"{panel.GetProperty("title")}: {m}"));
            }
        }

        Assert.Empty(unknown);
    }

    /// <summary>
    /// The names the instruments of exported meters get in Prometheus, with the suffixes of their series. Checked against
    /// a real scrape: every metric the exporter wrote is predicted, so the prediction is the exporter's own rule.
    /// </summary>
    private async Task<HashSet<string>> ExportedNamesAsync()
    {
        // The product's static meters exist once their classes are initialized; a deployment's traffic does that.
        foreach (var type in new[] { typeof(MeteredEventJournal).Assembly, typeof(TokenIssuer).Assembly }.SelectMany(a => a.GetTypes())
            .Where(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                .Any(f => f.FieldType == typeof(Meter))))
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
        }

        await host.ClientAs(Role.Operator, "ld").GetAsync("/api/v1/centers/ld");
        var patterns = TelemetryConfiguration.Meters.Select(m => new Regex($"^{Regex.Escape(m).Replace("\\*", ".*")}$")).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        // Kept listening through the scrape: instruments made on first use (after Start) are published to it then.
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (patterns.Any(p => p.IsMatch(instrument.Meter.Name)))
            {
                lock (names)
                {
                    names.UnionWith(PrometheusNames(instrument));
                }
            }
        };
        listener.Start();

        using var scraper = new HttpClient();
        var scrape = await scraper.GetStringAsync(new Uri($"http://127.0.0.1:{host.PrometheusPort}/metrics"));
        var scraped = TypeLine().Matches(scrape).Select(m => m.Groups[1].Value).Where(n => n != "target_info").ToList();
        Assert.NotEmpty(scraped);
        List<string> unpredicted;
        lock (names)
        {
            unpredicted = [.. scraped.Where(n => !names.Contains(n))];
        }

        Assert.True(unpredicted.Count == 0, $"exported but not predicted: {string.Join(", ", unpredicted)}");
        return names;
    }

    /// <summary>The exporter's rule: dots and dashes to underscores, the unit as a suffix, <c>_total</c> on counters.</summary>
    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_').Replace('-', '_');
        var unit = instrument.Unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            "%" => "percent",
            "MB" => "megabytes",
            "1" when !IsCounter(instrument) => "ratio",
            // Other units that are words (not {annotations}) are appended as they are written.
            { Length: > 0 } word when !word.StartsWith('{') && word.All(char.IsAsciiLetter) => word,
            _ => null,
        };
        if (unit is not null && !name.EndsWith($"_{unit}", StringComparison.Ordinal))
        {
            name = $"{name}_{unit}";
        }

        if (IsCounter(instrument) && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        // Observed up-down counters come out as gauges or as counters depending on how the runtime declares them.
        return IsHistogram(instrument) ? [name, $"{name}_bucket", $"{name}_sum", $"{name}_count"]
            : instrument.GetType().Name.StartsWith("ObservableUpDownCounter", StringComparison.Ordinal) ? [name, $"{name}_total"]
            : [name];
    }

    private static bool IsCounter(Instrument instrument) => instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)
        || instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal);

    private static bool IsHistogram(Instrument instrument) => instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);

    /// <summary>Identifiers of a PromQL expression that are metric names: not functions, labels, selectors or ranges.</summary>
    private static IEnumerable<string> MetricNames(string expr)
    {
        var bare = Grouping().Replace(Selector().Replace(Range().Replace(expr, ""), ""), "");
        return Identifier().Matches(bare).Select(m => m.Value).Where(w => !PromQlWords.Contains(w) && w.Contains('_', StringComparison.Ordinal)).Distinct();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lianxin.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Lianxin.slnx) was not found.");
    }

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Selector();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex Identifier();
}
