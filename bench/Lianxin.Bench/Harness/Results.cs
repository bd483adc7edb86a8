using System.Globalization;

namespace Lianxin.Bench.Harness;

/// <summary>The figures of one run, printed one line each as they are measured.</summary>
internal sealed class Results
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _problems = [];

    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>Scenarios that could not measure, with why: the run still writes what it has.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public Figure? Find(string id) => _figures.FirstOrDefault(f => f.Id == id);

    public Figure Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine(Format(figure));
        return figure;
    }

    public Figure Ceiling(string id, string title, double value, string unit, string? note = null) =>
        Add(new Figure(id, title, value, unit, FigureKind.Ceiling, [], Note: note));

    public Figure Detail(string id, string title, double value, string unit, string? note = null) =>
        Add(new Figure(id, title, value, unit, FigureKind.Detail, [], Note: note));

    /// <summary>
    /// A product figure with its ratios to the named ceilings (skipped when a ceiling was not measured in this run)
    /// and, where the issue sets one, its target.
    /// </summary>
    public Figure Product(
        string id, string title, double value, string unit, IEnumerable<(string CeilingId, string Meaning, Func<double, double, double> Compute)> ratios,
        Target? target = null, string? note = null)
    {
        var computed = ratios
            .Select(r => (r, ceiling: Find(r.CeilingId)))
            .Where(x => x.ceiling is { Value: > 0 })
            .Select(x => new Ratio(x.r.CeilingId, x.r.Compute(value, x.ceiling!.Value), x.r.Meaning))
            .ToList();
        return Add(new Figure(id, title, value, unit, FigureKind.Product, computed, target?.Text, target?.IsMetBy(value), note));
    }

    public void Problem(string scenario, Exception exception)
    {
        var text = $"{scenario}: {exception.GetType().Name}: {exception.Message}";
        _problems.Add(text);
        Console.WriteLine($"!! {text}");
    }

    internal static string Format(Figure figure)
    {
        var line = $"{figure.Title,-62} {Number(figure.Value),14} {figure.Unit}";
        if (figure.Ratios.Count > 0)
        {
            line += "  [" + string.Join("; ", figure.Ratios.Select(r => $"{Number(r.Value)} {r.Meaning}")) + "]";
        }

        if (figure.Target is { } target)
        {
            line += $"  (target {target}: {(figure.MeetsTarget == true ? "met" : "missed")})";
        }

        return line;
    }

    internal static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 or <= -1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 100 or <= -100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}

/// <summary>A target from the issue: a bound and whether higher or lower is better.</summary>
internal sealed record Target(string Text, double Bound, bool HigherIsBetter)
{
    public static Target AtLeast(double bound, string unit) => new($">= {Results.Number(bound)} {unit}", bound, true);

    public static Target AtMost(double bound, string unit) => new($"<= {Results.Number(bound)} {unit}", bound, false);

    public bool IsMetBy(double value) => HigherIsBetter ? value >= Bound : value <= Bound;
}
