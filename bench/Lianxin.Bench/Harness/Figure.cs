namespace Lianxin.Bench.Harness;

/// <summary>
/// One measured number. A ceiling is what this machine does with the product taken out (a no-op endpoint, a no-op
/// grain, a bare hub, a bare state write); a product figure carries its ratio to the ceiling it is bounded by, so it
/// reads the same on a faster or slower machine.
/// </summary>
internal sealed record Figure(
    string Id,
    string Title,
    double Value,
    string Unit,
    FigureKind Kind,
    IReadOnlyList<Ratio> Ratios,
    string? Target = null,
    bool? MeetsTarget = null,
    string? Note = null);

internal enum FigureKind
{
    Ceiling,
    Product,
    Detail,
}

/// <summary>A product figure divided by a ceiling figure, and how to read the quotient.</summary>
internal sealed record Ratio(string CeilingId, double Value, string Meaning);
