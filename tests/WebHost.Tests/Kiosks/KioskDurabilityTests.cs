using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.Hosting;
using Lianxin.Hosting.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class KioskDurabilityTests
{
    [Fact]
    public async Task AcceptedEventsSurviveAHostRestartAndAreCountedOnce()
    {
        var first = await KioskHost.StartAsync();
        var (kiosk, kioskId, centerId, _) = await first.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 100).Select(i => Wire.CheckIn($"p{i}", now.AddSeconds(-i)))
            .Concat(Enumerable.Range(0, 50).Select(_ => Wire.Event("selfService", now, new() { ["service"] = "socialSecurityQuery" }))).ToList();
        var accepted = await Wire.PostAsync(kiosk, kioskId, batch);
        await first.DisposeAsync();

        await using var second = await KioskHost.StartAsync(first.ConnectionString);
        var kioskAgain = second.CreateClient();
        kioskAgain.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", kiosk.DefaultRequestHeaders.GetValues("Authorization").Single());
        var resent = await Wire.PostAsync(kioskAgain, kioskId, batch);
        var staff = await second.StaffAsync(centerId.Replace("c-", "d-"));
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        var stats = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest");

        Assert.Equal(150, accepted.Accepted);
        Assert.Equal(150, resent.Duplicates);
        Assert.Equal(100, activity.GetProperty("inside").GetArrayLength());
        Assert.Equal(OnDay(activity, [now]) * 50, Count(activity, "selfServiceTodayByService", "socialSecurityQuery"));
        Assert.Equal(150, stats.GetProperty("accepted").GetInt64());
        Assert.Equal(150, await Wire.JournalRowsAsync(second.ConnectionString, kioskId));
    }

    [Fact]
    public async Task EventsJournaledButNotYetAppliedWhenTheHostStoppedAreAppliedOnTheNextStart()
    {
        var first = await KioskHost.StartAsync();
        var (kiosk, kioskId, centerId, _) = await first.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        await Wire.PostAsync(kiosk, kioskId, Wire.CheckIn("before", now));
        await first.DisposeAsync();

        // What a crash between the journal's commit and the apply step leaves behind: events journaled, nothing applied.
        var stranded = Enumerable.Range(0, 30)
            .Select(i => new KioskEvent(Guid.NewGuid(), now.AddSeconds(-i), new CheckIn($"s{i}", PersonRole.Visitor, BasicFunction.CultureSportsLeisure)))
            .ToList();
        await using (var dataSource = NpgsqlDataSource.Create(first.ConnectionString))
        await using (var commit = new SharedCommit(dataSource, NullLogger<SharedCommit>.Instance))
        await using (var journal = new PostgresEventJournal(dataSource, commit, NullLogger<PostgresEventJournal>.Instance, SiloConfiguration.KioskJournalPaging()))
        {
            Assert.All(await journal.AppendAsync([.. stranded.Select(e => KioskEventCodec.Encode(kioskId, centerId, e))]), p => Assert.True(p > 0));
        }

        await using var second = await KioskHost.StartAsync(first.ConnectionString);
        var staff = await second.StaffAsync(centerId.Replace("c-", "d-"));
        var stats = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest");
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");

        Assert.Equal(31, stats.GetProperty("accepted").GetInt64());
        Assert.Equal(31, activity.GetProperty("inside").GetArrayLength());
        Assert.Equal(OnDay(activity, stranded.Select(e => e.OccurredAt)), Count(activity, "checkInsTodayByPurpose", "cultureSportsLeisure"));
    }

    [Fact]
    public async Task RefusedEventsReSentAfterARestartBeforeAnyCheckpointGetTheSameAnswerAndChangeNoCount()
    {
        // No checkpoint runs: the restart replays everything the kiosk applied, as a host stopped between two does.
        var settings = new Dictionary<string, string?> { ["Kiosks:CheckpointInterval"] = "01:00:00" };
        var first = await KioskHost.StartAsync(settings: settings);
        var (kiosk, kioskId, centerId, _) = await first.KioskAsync();
        var now = DateTimeOffset.UtcNow;
        var batch = new[]
        {
            Wire.CheckIn("inside", now.AddMinutes(-2)),
            Wire.CheckIn("inside", now.AddMinutes(-1)),
            Wire.Event("pointsRedemption", now, new() { ["personId"] = "nobody-with-points", ["points"] = 10, ["goods"] = "大米" }),
        };
        var answered = await Wire.PostAsync(kiosk, kioskId, batch);
        await first.DisposeAsync();

        await using var second = await KioskHost.StartAsync(first.ConnectionString, settings);
        var kioskAgain = second.CreateClient();
        kioskAgain.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", kiosk.DefaultRequestHeaders.GetValues("Authorization").Single());
        var resent = await Wire.PostAsync(kioskAgain, kioskId, batch);
        var staff = await second.StaffAsync(centerId.Replace("c-", "d-"));
        var stats = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest");
        var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
        var ledger = await Wire.GetAsync(staff, "/api/v1/people/nobody-with-points/ledger");

        Assert.Equal(["accepted", "rejected", "rejected"], answered.Results.Select(r => r.Status));
        Assert.Equal(["duplicate", "rejected", "rejected"], resent.Results.Select(r => r.Status));
        Assert.Equal(answered.Results.Skip(1).Select(r => r.Reason), resent.Results.Skip(1).Select(r => r.Reason));
        Assert.Equal((1L, 2L), (stats.GetProperty("accepted").GetInt64(), stats.GetProperty("rejected").GetInt64()));
        Assert.Equal(1, activity.GetProperty("inside").GetArrayLength());
        Assert.Equal(1, activity.GetProperty("rejected").GetArrayLength());
        Assert.Equal(0, ledger.GetProperty("points").GetArrayLength());
    }

    /// <summary>How many of the times fall on the center's "today" (local time): a test near midnight still adds up.</summary>
    private static int OnDay(System.Text.Json.JsonElement activity, IEnumerable<DateTimeOffset> times)
    {
        var calendar = new LocalCalendar(new KioskOptions().Zone);
        var today = DateOnly.Parse(activity.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return times.Count(t => calendar.Day(t) == today);
    }

    private static int Count(System.Text.Json.JsonElement activity, string property, string key) =>
        activity.GetProperty(property).TryGetProperty(key, out var value) ? value.GetInt32() : 0;
}
