using Lianxin.Activity;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Kiosks;
using Lianxin.Ledger;
using Lianxin.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// The star rating of a fixture year computed from what the live actors reported: check-ins applied by the center's
/// activity actor, hours approved in a ledger, a kiosk's heartbeats, and help requests closed through their loop.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class LiveRatingEvidenceTests(RatingYearClusterFixture fixture) : IClassFixture<RatingYearClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly KioskOptions Kiosks = new();

    [Fact]
    public async Task RatingOfTheYearReadsCheckInsHoursUptimeAndHelpRequestsFromTheActorsThatProducedThem()
    {
        var grains = fixture.Grains;
        await grains.GetGrain<ICenterGrain>("ev-d").CreateAsync(CenterProfiles.Of(CenterLevel.District) with { ParentId = null }).WaitAsync(Deadline);
        await grains.GetGrain<ICenterGrain>("ev-c").CreateAsync(CenterProfiles.Community(400, 1000) with { ParentId = "ev-d" }).WaitAsync(Deadline);
        await grains.GetGrain<IKioskGrain>("ev-k").CreateAsync(new KioskProfile("ev-c", "一号机")).WaitAsync(Deadline);
        var now = fixture.Clock.GetUtcNow();
        var year = new LocalCalendar(Kiosks.Zone).Day(now).Year;

        // Five visits: three for culture and sports, two for care (applied by the center's activity actor, as a kiosk would).
        BasicFunction[] purposes = [BasicFunction.CultureSportsLeisure, BasicFunction.CultureSportsLeisure, BasicFunction.CultureSportsLeisure, BasicFunction.CareAssistance, BasicFunction.CareAssistance];
        var activity = grains.GetGrain<ICenterActivityGrain>("ev-c");
        await activity.ApplyAsync("ev-k", [.. purposes.Select((p, i) =>
            new JournaledKioskEvent(i + 1, "ev-k", "ev-c", new KioskEvent(Guid.NewGuid(), now.AddSeconds(-10 + i), new CheckIn($"ev-p{i}", PersonRole.Visitor, p))))], sentThrough: 0).WaitAsync(Deadline);
        await activity.TickAsync().WaitAsync(Deadline);

        // Two hours served and approved, and one hour declined.
        var ledger = grains.GetGrain<IPersonLedgerGrain>("ev-volunteer");
        var (approved, declined) = (Guid.NewGuid(), Guid.NewGuid());
        await ledger.RecordHoursAsync(new ServiceHours(approved, "ev-c", now.AddHours(-3), now.AddHours(-1), false)).WaitAsync(Deadline);
        await ledger.RecordHoursAsync(new ServiceHours(declined, "ev-c", now.AddHours(-6), now.AddHours(-5), false)).WaitAsync(Deadline);
        await ledger.DecideHoursAsync(approved, true, "staff-ev", null).WaitAsync(Deadline);
        await ledger.DecideHoursAsync(declined, false, "staff-ev", "未在岗").WaitAsync(Deadline);

        // The kiosk beats: watched and up.
        var health = grains.GetGrain<IKioskHealthGrain>("ev-k");
        var beat = new KioskHeartbeat("1.0.0", new Dictionary<string, PeripheralStatus>());
        await health.BeatAsync(beat).WaitAsync(Deadline);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await health.BeatAsync(beat).WaitAsync(Deadline);
        await health.CheckAsync().WaitAsync(Deadline);

        // One help request closed on time, one still open within its limits.
        var closed = grains.GetGrain<IHelpRequestGrain>("ev-hr-1");
        await closed.OpenAsync(Ticket("ev-hr-1", now)).WaitAsync(Deadline);
        var owner = new LoopAssignee("ev-volunteer", "志愿者", true, false);
        await closed.AssignAsync(owner, "staff-ev", null).WaitAsync(Deadline);
        await closed.StartAsync(owner, owner.Id, null).WaitAsync(Deadline);
        await closed.ResolveAsync(owner, owner.Id, null).WaitAsync(Deadline);
        await grains.GetGrain<IHelpRequestGrain>("ev-hr-2").OpenAsync(Ticket("ev-hr-2", now)).WaitAsync(Deadline);

        var source = grains.GetGrain<IGovernanceQueryGrain>(0);
        var center = (await grains.GetGrain<ICenterGrain>("ev-c").GetAsync().WaitAsync(Deadline))!;
        var evidence = await Eventually.HoldsAsync(
            () => source.CollectEvidenceAsync(center, year),
            e => e.CheckInsByFunction?.Values.Sum() == 5 && e.ApprovedVolunteerHours is not null && e.KioskUptimePercent is not null,
            Deadline,
            "every actor's evidence arrived");
        var rating = StarRatingCalculator.Compute(StarRatingModel.Current, evidence);

        Assert.Equal(3, evidence.CheckInsByFunction![BasicFunction.CultureSportsLeisure]);
        Assert.Equal(2, evidence.CheckInsByFunction[BasicFunction.CareAssistance]);
        Assert.Equal(2.0, evidence.ApprovedVolunteerHours);
        Assert.InRange(evidence.KioskUptimePercent!.Value, 0.01, 100);
        Assert.Equal(new HelpRequestTally(1, 0, 0), evidence.HelpRequests);
        Assert.Empty(evidence.Drills!);
        Assert.Empty(rating.MissingEvidence);
        var measures = rating.Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).ToDictionary(m => m.Code);
        Assert.StartsWith("5 check-ins", measures["B2.1"].Evidence, StringComparison.Ordinal);
        Assert.StartsWith("2 approved volunteer hours", measures["B3.1"].Evidence, StringComparison.Ordinal);
        Assert.Equal(1, measures["C2.1"].Fraction);
        Assert.Equal(0, measures["C3.1"].Fraction);
    }

    [Fact]
    public async Task RepeatedReportsReplaceTheirDayAndCountHoursOnceAndYearsAreKeptApart()
    {
        var evidence = fixture.Grains.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating("ev-other", 2024));
        await evidence.RecordCheckInsAsync(new DateOnly(2024, 6, 1), new Dictionary<BasicFunction, int> { [BasicFunction.PartyBuilding] = 7 }).WaitAsync(Deadline);
        await evidence.RecordCheckInsAsync(new DateOnly(2024, 6, 1), new Dictionary<BasicFunction, int> { [BasicFunction.PartyBuilding] = 9 }).WaitAsync(Deadline);
        await evidence.RecordApprovedHoursAsync(Guid.Empty, 1.5).WaitAsync(Deadline);
        await evidence.RecordApprovedHoursAsync(Guid.Empty, 1.5).WaitAsync(Deadline);

        var year2024 = await evidence.GetAsync().WaitAsync(Deadline);
        var year2025 = await fixture.Grains.GetGrain<ICenterEvidenceGrain>(GovernanceKeys.Rating("ev-other", 2025)).GetAsync().WaitAsync(Deadline);

        Assert.Equal(9, year2024.CheckInsByFunction![BasicFunction.PartyBuilding]);
        Assert.Equal(1.5, year2024.ApprovedVolunteerHours);
        Assert.Null(year2025.CheckInsByFunction);
        Assert.Null(year2025.ApprovedVolunteerHours);
    }

    private static HelpRequestTicket Ticket(string id, DateTimeOffset at) =>
        new(id, "ev-c", BasicFunction.CareAssistance, "求助：代办医保", null, "ev-k", Guid.NewGuid(), at, HelpRequestState.Open, null);
}

/// <summary>
/// A cluster whose centers' clock the rating test reads. Its hours were served hours before "now" and must fall in the
/// year it rates: in the first hours of 1 January (local), the clock starts in the last day of the year before.
/// </summary>
public sealed class RatingYearClusterFixture : GovernanceClusterFixture
{
    public FakeTimeProvider Clock { get; } = new(WithinOneYear(DateTimeOffset.UtcNow, new KioskOptions().Zone));

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddKeyedSingleton<TimeProvider>(CentersClock.Key, Clock);

    private static DateTimeOffset WithinOneYear(DateTimeOffset now, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(now, zone) is { DayOfYear: 1, Hour: < 8 } ? now.AddHours(-12) : now;
}
