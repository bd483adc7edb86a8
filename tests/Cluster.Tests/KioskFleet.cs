using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Kiosks;
using Lianxin.TestSupport;
using Lianxin.WebHost.Security;
using Npgsql;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// A community center with a few kiosks speaking protocol v1 through a web host, as the kiosks do: each sends its
/// batches one after another and re-sends a batch unchanged until it is answered. Keeps every event's final answer.
/// Half of each batch checks a new person in, half is a self-service use.
/// </summary>
internal sealed class KioskFleet
{
    private const string Service = "socialSecurityQuery";

    private readonly LianxinWebFactory _web;
    private readonly List<(string Id, HttpClient Client)> _kiosks = [];
    private readonly ConcurrentDictionary<Guid, (string KioskId, string Status, bool CheckIn, DateTimeOffset At)> _answers = new();
    private int _resentBatches;

    private KioskFleet(LianxinWebFactory web, string district)
    {
        _web = web;
        District = district;
        Staff = web.ClientAs(Role.Operator, district);
    }

    public string District { get; }

    public string Center => $"{District}-c";

    public HttpClient Staff { get; }

    public IEnumerable<string> KioskIds => _kiosks.Select(k => k.Id);

    /// <summary>Events answered accepted, or duplicate of an earlier send whose answer was lost: each must count once.</summary>
    public int Acknowledged => _answers.Values.Count(a => a.Status is "accepted" or "duplicate");

    public int ResentBatches => _resentBatches;

    public static async Task<KioskFleet> CreateAsync(LianxinWebFactory web, int kiosks)
    {
        var fleet = new KioskFleet(web, $"kf{Guid.NewGuid():N}"[..10]);
        (await fleet.Staff.PostAsJsonAsync("/api/v1/centers", Bodies.Center(fleet.District, "district", null))).EnsureSuccessStatusCode();
        (await fleet.Staff.PostAsJsonAsync("/api/v1/centers", Bodies.Center(fleet.Center, "community", fleet.District))).EnsureSuccessStatusCode();
        for (var i = 0; i < kiosks; i++)
        {
            var id = $"{fleet.District}-k{i}";
            (await fleet.Staff.PostAsJsonAsync("/api/v1/kiosks", new { id, centerId = fleet.Center, name = "一楼大厅自助终端" })).EnsureSuccessStatusCode();
            var key = await (await fleet.Staff.PostAsync($"/api/v1/kiosks/{id}/keys", null)).Content.ReadFromJsonAsync<JsonElement>();
            var client = web.CreateClient();
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", key.GetProperty("authorization").GetString());
            fleet._kiosks.Add((id, client));
        }

        return fleet;
    }

    /// <summary>
    /// Every kiosk sends <paramref name="batches"/> batches (or until <paramref name="stop"/> is cancelled), waiting
    /// <paramref name="pause"/> between batches (zero: as fast as answers come).
    /// </summary>
    /// <summary>
    /// Every kiosk sends <paramref name="batches"/> batches; with <paramref name="hold"/>, each stops before batch
    /// <c>Before</c> until <c>Until</c> completes (the test kills a silo there, so the kill always falls mid-stream).
    /// </summary>
    public Task RunAsync(int batches, int batchSize, TimeSpan pause, CancellationToken stop, (int Before, Task Until)? hold = null) =>
        Task.WhenAll(_kiosks.Select(k => SendAsync(k.Id, k.Client, batches, batchSize, pause, hold, stop)));

    private async Task SendAsync(string kioskId, HttpClient client, int batches, int batchSize, TimeSpan pause, (int Before, Task Until)? hold, CancellationToken stop)
    {
        for (var b = 0; b < batches && !stop.IsCancellationRequested; b++)
        {
            if (hold is { } h && b == h.Before)
            {
                await h.Until;
            }

            var now = DateTimeOffset.UtcNow;
            var events = Enumerable.Range(0, batchSize).Select(i => Event(i % 2 == 0, now)).ToList();
            var (response, attempts) = await Resend.PostUntilAnsweredAsync(client, $"/api/v1/kiosks/{kioskId}/events", new { events }, $"batch {b} of {kioskId}");
            Assert.True(response.IsSuccessStatusCode, $"{kioskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Interlocked.Add(ref _resentBatches, attempts > 1 ? 1 : 0);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var result in answer.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("eventId").GetGuid();
                var sent = events.Single(e => (Guid)e["eventId"]! == id);
                _answers[id] = (kioskId, result.GetProperty("status").GetString()!, (string)sent["type"]! == "checkIn", now);
            }

            if (pause > TimeSpan.Zero)
            {
                // The pace of a real kiosk, not a wait for anything.
                await Task.Delay(pause, CancellationToken.None);
            }
        }
    }

    /// <summary>One batch from one kiosk of the fleet, re-sent unchanged until answered; the answer's results in order.</summary>
    /// <summary>How many times the last <see cref="SendAsync"/> posted its batch (more than once while the cluster failed over).</summary>
    public int LastAttempts { get; private set; }

    public async Task<List<(Guid EventId, string Status, string? Reason)>> SendAsync(int kiosk, params Dictionary<string, object?>[] events)
    {
        var (id, client) = _kiosks[kiosk];
        var (response, attempts) = await Resend.PostUntilAnsweredAsync(client, $"/api/v1/kiosks/{id}/events", new { events }, $"a batch of {id}");
        LastAttempts = attempts;
        Assert.True(response.IsSuccessStatusCode, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. answer.GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("eventId").GetGuid(),
            r.GetProperty("status").GetString()!,
            r.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null))];
    }

    /// <summary>A kiosk event as protocol v1 writes it, at whole milliseconds.</summary>
    public static Dictionary<string, object?> Event(string type, DateTimeOffset at, Dictionary<string, object?> fields)
    {
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var e = new Dictionary<string, object?>(fields) { ["eventId"] = Guid.NewGuid(), ["occurredAt"] = at.ToString("O"), ["type"] = type };
        return e;
    }

    private static Dictionary<string, object?> Event(bool checkIn, DateTimeOffset at)
    {
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var e = new Dictionary<string, object?> { ["eventId"] = Guid.NewGuid(), ["occurredAt"] = at.ToString("O"), ["type"] = checkIn ? "checkIn" : "selfService" };
        if (checkIn)
        {
            (e["personId"], e["role"], e["purpose"]) = ($"p{Guid.NewGuid():N}"[..16], "visitor", "convenienceServices");
        }
        else
        {
            e["service"] = Service;
        }

        return e;
    }

    /// <summary>
    /// Asserts that every event sent was acknowledged, none refused, and that the journal, each kiosk's counters and
    /// the center's activity count every acknowledged event exactly once.
    /// </summary>
    public async Task AssertCountedOnceAsync(string connectionString)
    {
        Assert.All(_answers.Values, a => Assert.Contains(a.Status, new[] { "accepted", "duplicate" }));
        Assert.Equal(_answers.Count, await JournalRowsAsync(connectionString));
        foreach (var (kioskId, _) in _kiosks)
        {
            var expected = _answers.Values.Count(a => a.KioskId == kioskId);
            var stats = await Eventually.HoldsAsync(
                () => Staff.GetFromJsonAsync<JsonElement>($"/api/v1/kiosks/{kioskId}/ingest"),
                s => s.GetProperty("accepted").GetInt64() >= expected,
                ClusterFixture.Recovery,
                $"{kioskId} counts every acknowledged event");
            Assert.Equal((expected, 0L), (stats.GetProperty("accepted").GetInt64(), stats.GetProperty("rejected").GetInt64()));
        }

        var calendar = new LocalCalendar(new KioskOptions().Zone);
        var checkIns = _answers.Values.Count(a => a.CheckIn);
        var activity = await Eventually.HoldsAsync(
            () => Staff.GetFromJsonAsync<JsonElement>($"/api/v1/centers/{Center}/activity"),
            a => a.GetProperty("inside").GetArrayLength() >= checkIns,
            ClusterFixture.Recovery,
            "the center counts every acknowledged check-in");
        var today = DateOnly.Parse(activity.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var services = activity.GetProperty("selfServiceTodayByService").TryGetProperty(Service, out var used) ? used.GetInt32() : 0;
        Assert.Equal(checkIns, activity.GetProperty("inside").GetArrayLength());
        Assert.Equal(_answers.Values.Count(a => !a.CheckIn && calendar.Day(a.At) == today), services);
    }

    private async Task<long> JournalRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM lianxin_journal WHERE stream LIKE @s", connection);
        command.Parameters.AddWithValue("s", $"kiosk:{District}-k%");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
