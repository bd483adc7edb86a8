using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Bench.Harness;

/// <summary>Writes a run as <c>&lt;date&gt;-&lt;commit&gt;.json</c> (for tools) and <c>.md</c> (for people).</summary>
internal static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<(string Json, string Markdown)> WriteAsync(RunRecord run, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{run.StartedAt:yyyy-MM-dd-HHmm}-{run.Commit}{(run.Smoke ? "-smoke" : "")}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(run, Json));
        await File.WriteAllTextAsync(stem + ".md", Markdown(run));
        return (stem + ".json", stem + ".md");
    }

    private static string Markdown(RunRecord run)
    {
        var md = new StringBuilder();
        var m = run.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark run {run.StartedAt:yyyy-MM-dd HH:mm} UTC, commit {run.Commit}{(run.Smoke ? " (smoke: not meaningful)" : "")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {m.Cores} cores ({m.Cpu}), {m.MemoryGiB:0.0} GiB, {m.Os}, {m.Runtime}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load average at start / end: {m.LoadAverageAtStart:0.00} / {run.LoadAverageAtEnd:0.00}{(run.BusyMachine ? " — **busy machine: other work shared the cores; figures are low and noisy**" : "")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- PostgreSQL: {string.Join(", ", run.Postgres.Select(p => $"{p.Key} {p.Value}"))}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Duration: {(run.FinishedAt - run.StartedAt).TotalMinutes:0.0} min");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Sizes: {string.Join(", ", typeof(BenchSizes).GetProperties().Select(p => $"{p.Name} {p.GetValue(run.Sizes)}"))}");
        md.AppendLine();
        Table(md, "Ceilings of this machine", run.Figures.Where(f => f.Kind == FigureKind.Ceiling), withRatios: false);
        Table(md, "Product figures", run.Figures.Where(f => f.Kind == FigureKind.Product), withRatios: true);
        Table(md, "Details", run.Figures.Where(f => f.Kind == FigureKind.Detail), withRatios: false);
        if (run.Problems.Count > 0)
        {
            md.AppendLine("## Could not measure");
            md.AppendLine();
            foreach (var problem in run.Problems)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {problem}");
            }
        }

        return md.ToString();
    }

    private static void Table(StringBuilder md, string title, IEnumerable<Figure> figures, bool withRatios)
    {
        var list = figures.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## {title}");
        md.AppendLine();
        md.AppendLine(withRatios ? "| Figure | Value | Ratio to ceiling | Target | Note |" : "| Figure | Value | Note |");
        md.AppendLine(withRatios ? "|---|---:|---|---|---|" : "|---|---:|---|");
        foreach (var f in list)
        {
            var value = $"{Results.Number(f.Value)} {f.Unit}";
            if (withRatios)
            {
                var ratios = string.Join("<br>", f.Ratios.Select(r => $"{Results.Number(r.Value)} {r.Meaning}"));
                var target = f.Target is null ? "" : $"{f.Target} ({(f.MeetsTarget == true ? "met" : "missed")})";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Title} | {value} | {ratios} | {target} | {f.Note} |");
            }
            else
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Title} | {value} | {f.Note} |");
            }
        }

        md.AppendLine();
    }
}
