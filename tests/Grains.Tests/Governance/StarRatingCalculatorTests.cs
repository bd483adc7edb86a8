using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Xunit;
using static Lianxin.Grains.Tests.Governance.CenterProfiles;

namespace Lianxin.Grains.Tests.Governance;

public sealed class StarRatingCalculatorTests
{
    private static readonly StarRatingModel Model = StarRatingModels.V2026_1;

    /// <summary>
    /// The fixture year of a community center, scored by hand under model 2026.1:
    /// A standards: area 6 + hours 3 + self-service 5 + staffing 8 + training 3/4 × 8 = 6 → 28;
    /// B activity: functions offered 10/10 × 6 = 6, in use 8/10 × 10 = 8, check-ins 6,000/8,000 × 12 = 9,
    /// volunteer hours 1,200/1,500 × 12 = 9.6 → 32.6;
    /// C governance: uptime (97.2 − 90)/9 × 8 = 6.4, on time (0.85 − 0.5)/0.45 × 12 = 9.33…,
    /// drills ((60 − 20)/45 + (60 − 40)/45)/2 × 10 = 6.67… → 22.4. Total 83 → 4 stars.
    /// </summary>
    [Fact]
    public void FixtureYearScoresEightyThreeAndFourStarsWithEveryContributionShown()
    {
        var result = StarRatingCalculator.Compute(Model, FixtureYear());

        Assert.Equal(83.0, result.Score);
        Assert.Equal(4, result.Stars);
        Assert.Equal("2026.1", result.ModelVersion);
        Assert.Equal([28.0, 32.6, 22.4], result.Dimensions.Select(d => d.Points));
        var points = result.Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).ToDictionary(m => m.Code, m => m.Points);
        Assert.Equal(6, points["A2.2"]);
        Assert.Equal(8, points["B1.2"]);
        Assert.Equal(9, points["B2.1"]);
        Assert.Equal(9.6, points["B3.1"]);
        Assert.Equal(6.4, points["C1.1"]);
        Assert.Equal(9.33, points["C2.1"]);
        Assert.Equal(6.67, points["C3.1"]);
        Assert.True(result.EvidenceComplete);
    }

    [Fact]
    public void PerfectYearScoresOneHundredAndFiveStars()
    {
        var result = StarRatingCalculator.Compute(Model, PerfectYear());

        Assert.Equal(100, result.Score);
        Assert.Equal(5, result.Stars);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void FailingStandardCapsAFiveStarScoreAtFourStars()
    {
        var staff = Community(400, 1000).Staff.Append(Staff("新人", StaffRole.DedicatedStaff, trainingDays: 2)).ToList();
        var evidence = PerfectYear() with { Compliance = ComplianceRules.Evaluate("c1", Community(400, 1000) with { Staff = staff }, 1) };

        var result = StarRatingCalculator.Compute(Model, evidence);

        Assert.Equal(98, result.Score);
        Assert.Equal(5, result.StarsByScore);
        Assert.Equal(4, result.Stars);
        Assert.Contains(result.Notes, n => n.Contains("Capped at 4 stars", StringComparison.Ordinal) && n.Contains("training", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingEvidenceEarnsNoPointsAndIsListed()
    {
        var compliance = ComplianceRules.Evaluate("c1", Community(400, 1000), 1);
        var evidence = new RatingEvidence("c1", 2026, CenterLevel.Community, compliance, null, null, null, null, null);

        var result = StarRatingCalculator.Compute(Model, evidence);

        Assert.Equal(36, result.Score);
        Assert.Equal(0, result.Stars);
        Assert.Equal(["B1.2 Functions in use", "B2.1 Check-ins", "B3.1 Approved volunteer hours", "C1.1 Kiosk uptime", "C2.1 Help requests closed on time", "C3.1 Drill roll-call"], result.MissingEvidence);
        Assert.All(result.Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).Where(m => m.Fraction is null), m => Assert.Equal(0, m.Points));
    }

    [Fact]
    public void YearWithoutHelpRequestsHasNothingLateButYearWithoutDrillsScoresNoReadiness()
    {
        var evidence = PerfectYear() with { HelpRequests = new HelpRequestTally(0, 0, 0), Drills = [] };

        var measures = StarRatingCalculator.Compute(Model, evidence).Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).ToDictionary(m => m.Code);

        Assert.Equal(12, measures["C2.1"].Points);
        Assert.Equal(0, measures["C3.1"].Points);
        Assert.Equal(0, measures["C3.1"].Fraction);
    }

    [Fact]
    public void UnderModel2026_2ADrillOfTwoPeopleEarnsNothingAndALargeOneCounts()
    {
        var at = new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.FromHours(8));
        var tiny = PerfectYear() with { Drills = [new DrillEvidence("tiny", at, TimeSpan.FromSeconds(0.1), People: 2)] };
        var both = PerfectYear() with { Drills = [new DrillEvidence("tiny", at, TimeSpan.FromSeconds(0.1), People: 2), new DrillEvidence("big", at, TimeSpan.FromMinutes(60), People: 40)] };

        var tinyOnly = C31(StarRatingModels.V2026_2, tiny);
        var withBig = C31(StarRatingModels.V2026_2, both);

        Assert.Equal((0.0, 0.0), (tinyOnly.Points, tinyOnly.Fraction!.Value));
        Assert.Contains("fewer than 10 people", tinyOnly.Evidence, StringComparison.Ordinal);
        Assert.Equal(0, withBig.Points);
        Assert.Contains("1 left out", withBig.Evidence, StringComparison.Ordinal);
        Assert.Equal(10, C31(Model, tiny).Points);
        Assert.Same(StarRatingModels.V2026_2, StarRatingModel.Current);
    }

    [Fact]
    public void OpenOverdueRequestsCountAgainstTheOnTimeShare()
    {
        var evidence = PerfectYear() with { HelpRequests = new HelpRequestTally(50, 0, 50) };

        var c21 = StarRatingCalculator.Compute(Model, evidence).Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).Single(m => m.Code == "C2.1");

        Assert.Equal(0, c21.Points);
    }

    [Theory]
    [InlineData(90, 5)]
    [InlineData(89.99, 4)]
    [InlineData(75, 4)]
    [InlineData(74.99, 3)]
    [InlineData(60, 3)]
    [InlineData(59.99, 0)]
    public void ThresholdsSetFiveFourAndThreeStars(double score, int stars)
    {
        Assert.Equal(stars, Model.Thresholds.StarsFor(score));
    }

    [Fact]
    public void ModelHasThreeLevelsWhoseWeightsAddUpToOneHundred()
    {
        Assert.Equal(100, Model.Measures.Sum(m => m.Weight), 9);
        Assert.Equal(100, Model.Dimensions.Sum(d => d.Weight), 9);
        Assert.All(Model.Dimensions, d => Assert.NotEmpty(d.Indicators));
        Assert.All(Model.Dimensions.SelectMany(d => d.Indicators), i => Assert.NotEmpty(i.Measures));
        var codes = Model.Measures.Select(m => m.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(Enum.GetValues<CenterLevel>(), level => Assert.True(Model.Targets.ContainsKey(level)));
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    [InlineData(2028, true)]
    public void DemonstrationCentersAreChosenEveryTwoYears(int year, bool selectionYear)
    {
        Assert.Equal(selectionYear, Model.IsDemonstrationYear(year));
    }

    private static RatingEvidence FixtureYear()
    {
        var profile = Community(400, 1000) with
        {
            Staff =
            [
                Staff("书记", StaffRole.Secretary), Staff("委员", StaffRole.CommitteeMember),
                Staff("专职甲", StaffRole.DedicatedStaff), Staff("专职乙", StaffRole.DedicatedStaff, trainingDays: 2),
            ],
        };
        var checkIns = AllFunctions.ToDictionary(f => f, f => f switch
        {
            BasicFunction.PublicityDisplay => 11,
            BasicFunction.EmergencySupport => 5,
            _ => 748,
        });
        return new RatingEvidence(
            "c1", 2026, CenterLevel.Community, ComplianceRules.Evaluate("c1", profile, kioskCount: 1), checkIns, 1200, 97.2, new HelpRequestTally(85, 10, 5),
            [new DrillEvidence("d1", new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(20)),
             new DrillEvidence("d2", new DateTimeOffset(2026, 9, 3, 15, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(40))]);
    }

    private static RatingEvidence PerfectYear() => new(
        "c1", 2026, CenterLevel.Community, ComplianceRules.Evaluate("c1", Community(400, 1000), kioskCount: 1),
        AllFunctions.ToDictionary(f => f, _ => 800), 1500, 99.5, new HelpRequestTally(100, 0, 0),
        [new DrillEvidence("d1", new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.FromHours(8)), TimeSpan.FromMinutes(10))]);

    private static MeasureScore C31(StarRatingModel model, RatingEvidence evidence) =>
        StarRatingCalculator.Compute(model, evidence).Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).Single(m => m.Code == "C3.1");
}
