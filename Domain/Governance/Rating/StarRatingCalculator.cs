namespace Lianxin.Governance;

/// <summary>Computes a center's star rating from its evidence record under a model. Pure.</summary>
public static class StarRatingCalculator
{
    public static StarRatingResult Compute(StarRatingModel model, RatingEvidence evidence)
    {
        var missing = new List<string>();
        var dimensions = model.Dimensions.Select(d =>
        {
            var indicators = d.Indicators.Select(i =>
            {
                var measures = i.Measures.Select(m =>
                {
                    var reading = m.Read(evidence, model);
                    if (reading.Fraction is null)
                    {
                        missing.Add($"{m.Code} {m.Name}");
                    }

                    var fraction = reading.Fraction is { } f ? Math.Clamp(f, 0, 1) : (double?)null;
                    return new MeasureScore(m.Code, m.Name, m.NameZh, m.Weight, fraction, Round((fraction ?? 0) * m.Weight), reading.Evidence);
                }).ToList();
                return new IndicatorScore(i.Code, i.Name, i.NameZh, i.Weight, Round(measures.Sum(m => (m.Fraction ?? 0) * m.Weight)), measures);
            }).ToList();
            return new DimensionScore(d.Code, d.Name, d.NameZh, d.Weight, Round(indicators.SelectMany(i => i.Measures).Sum(m => (m.Fraction ?? 0) * m.Weight)), indicators);
        }).ToList();

        // Summed from the unrounded contributions, then rounded once, so the stars follow the score shown.
        var score = Round(dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).Sum(m => (m.Fraction ?? 0) * m.Weight));
        var byScore = model.Thresholds.StarsFor(score);
        var stars = byScore;
        var notes = new List<string>();
        if (stars == 5 && model.Thresholds.FiveStarsNeedFullCompliance && evidence.Compliance.Failing)
        {
            stars = 4;
            var failing = evidence.Compliance.Checks.Where(c => !c.Meets).Select(c => GovernanceText.Name(c.Kind));
            notes.Add($"Capped at 4 stars: 5 stars need every standards check met; failing: {string.Join(", ", failing)}.");
        }

        if (missing.Count > 0)
        {
            notes.Add($"{missing.Count} measure{(missing.Count == 1 ? " has" : "s have")} no evidence and earned no points.");
        }

        return new StarRatingResult(evidence.CenterId, evidence.Year, model.Version, score, stars, byScore, dimensions, missing, notes);
    }

    private static double Round(double points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
