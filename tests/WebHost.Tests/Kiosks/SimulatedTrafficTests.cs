using System.Globalization;
using System.Text.Json.Nodes;
using Lianxin.Kiosks;
using Lianxin.Simulator;
using Lianxin.TestSupport;
using Lianxin.WebHost.Demo;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Lianxin.WebHost.Tests.Kiosks;

[Trait("Needs", "PostgreSQL")]
public sealed class SimulatedTrafficTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SimulatedTrafficWithResendsOfflineUploadsAndOverlapsCountsEveryEventOnce()
    {
        var district = await SmallDistrictAsync(kiosks: 6);
        await using var host = await HostOfAsync(district.Path);
        var simulator = new KioskSimulator(new SimulatorOptions
        {
            DistrictPath = district.Path,
            TotalEvents = 3000,
            EventsPerSecond = 0,
            BatchSize = 50,
            Concurrency = 6,
            DuplicateBatchRate = 0.1,
            OverlapRate = 0.1,
            OfflineRate = 0.1,
            OfflineBatches = 3,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
        });

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var report = await simulator.RunAsync(host.CreateClient(), deadline.Token);
        output.WriteLine(report.ToString());

        Assert.Equal(3000, report.NewEvents);
        Assert.Equal(0, report.FailedRequests);
        Assert.Equal(report.NewEvents, report.Accepted + report.Rejected);
        Assert.Equal(0, report.UnexpectedDuplicates);
        Assert.True(report.DuplicateAnswers > 0, "the run re-sent events");
        Assert.All(report.RejectionReasons, reason => Assert.Contains("balance", reason));
        Assert.Equal(3000, await JournalRowsAsync(host.ConnectionString));

        var staff = await host.StaffAsync(district.RootId);
        long applied = 0;
        foreach (var kioskId in district.KioskIds)
        {
            var stats = await Wire.GetAsync(staff, $"/api/v1/kiosks/{kioskId}/ingest");
            applied += stats.GetProperty("accepted").GetInt64() + stats.GetProperty("rejected").GetInt64();
        }

        Assert.Equal(3000, applied);
        var calendar = new LocalCalendar(new KioskOptions().Zone);
        foreach (var centerId in district.KioskCenters)
        {
            var activity = await Wire.GetAsync(staff, $"/api/v1/centers/{centerId}/activity");
            var today = DateOnly.Parse(activity.GetProperty("today").GetString()!, CultureInfo.InvariantCulture);
            var expected = report.AcceptedCheckIns.Where(c => c.Key.CenterId == centerId && calendar.Day(c.Key.Minute) == today).Sum(c => c.Value);
            var counted = activity.GetProperty("checkInsTodayByPurpose").EnumerateObject().Sum(p => p.Value.GetInt32());
            Assert.Equal(expected, counted);
        }
    }

    /// <summary>
    /// The benchmark times a fleet already sending: what a run sends during its warm-up counts but is not timed. A run
    /// that never leaves its warm-up times nothing; one without a warm-up times every batch.
    /// </summary>
    [Fact]
    public async Task BatchesSentDuringTheWarmupAreCountedButNotTimed()
    {
        var district = await SmallDistrictAsync(kiosks: 2);
        await using var host = await HostOfAsync(district.Path);
        SimulatorOptions Options(TimeSpan warmup, int seed) => new()
        {
            DistrictPath = district.Path, TotalEvents = 200, EventsPerSecond = 0, BatchSize = 50, Concurrency = 2, Warmup = warmup, Seed = seed,
        };

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var untimed = await new KioskSimulator(Options(TimeSpan.FromHours(1), seed: 1)).RunAsync(host.CreateClient(), deadline.Token);
        var timed = await new KioskSimulator(Options(TimeSpan.Zero, seed: 2)).RunAsync(host.CreateClient(), deadline.Token);

        Assert.Equal((200, 200), (untimed.Accepted + untimed.Rejected, timed.Accepted + timed.Rejected));
        Assert.Equal(0, untimed.P99Ms);
        Assert.True(timed.P99Ms > 0, "a run without a warm-up times its batches");
    }

    /// <summary>A host with the district loaded as its demo data (nobody simulated): the kiosks the simulator plays exist.</summary>
    private static async Task<LianxinWebFactory> HostOfAsync(string districtPath)
    {
        var host = await KioskHost.StartAsync(settings: new()
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Simulate"] = "false",
            ["Demo:DataFile"] = districtPath,
        });
        await host.Services.GetRequiredService<DemoDistrictLoader>().Loaded.WaitAsync(TimeSpan.FromMinutes(2));
        return host;
    }

    private static async Task<long> JournalRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM lianxin_journal WHERE stream LIKE 'kiosk:%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The demo district cut down to a few kiosks, their centers up to the root, and those centers' grids and volunteers.</summary>
    private static async Task<(string Path, string RootId, string[] KioskIds, string[] KioskCenters)> SmallDistrictAsync(int kiosks)
    {
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(DemoDistrict.DefaultPath))!.AsObject();
        var centers = demo["centers"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var parentOf = centers.ToDictionary(c => (string)c["id"]!, c => (string?)c["parentId"]);
        var keptKiosks = demo["kiosks"]!.AsArray().Take(kiosks).Select(k => k!.DeepClone()).ToList();
        var kioskCenters = keptKiosks.Select(k => (string)k!["centerId"]!).Distinct().ToArray();
        var keep = new HashSet<string>();
        foreach (var id in kioskCenters)
        {
            for (string? c = id; c is not null && keep.Add(c); c = parentOf[c])
            {
            }
        }

        var grids = demo["grids"]!.AsArray().Where(g => keep.Contains((string)g!["centerId"]!)).Select(g => g!.DeepClone()).ToList();
        var gridIds = grids.Select(g => (string)g!["id"]!).ToHashSet();
        var small = new JsonObject
        {
            ["name"] = "test district",
            ["centers"] = new JsonArray([.. centers.Where(c => keep.Contains((string)c["id"]!)).Select(c => c.DeepClone())]),
            ["grids"] = new JsonArray([.. grids]),
            ["volunteers"] = new JsonArray([.. demo["volunteers"]!.AsArray().Where(v => gridIds.Contains((string)v!["homeGridId"]!)).Take(300).Select(v => v!.DeepClone())]),
            ["kiosks"] = new JsonArray([.. keptKiosks]),
            ["residentialPoints"] = new JsonArray(),
        };
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"district-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, small.ToJsonString());
        var root = centers.First(c => c["parentId"] is null)["id"]!.GetValue<string>();
        return (path, root, [.. keptKiosks.Select(k => (string)k!["id"]!)], kioskCenters);
    }
}
