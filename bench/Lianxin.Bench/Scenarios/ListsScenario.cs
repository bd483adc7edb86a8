using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Bench.Ceilings;
using Lianxin.Bench.Harness;
using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.HelpRequests;
using Lianxin.Listings;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Bench.Scenarios;

/// <summary>
/// (9) The registry lists and the public center page. A district of <see cref="BenchSizes.Volunteers"/> people on
/// <see cref="BenchSizes.Grids"/> grids under 54 centers is written straight into the listing index (the lines the
/// registry actors would write; loading the people through the API would take most of the run), then: the first page of
/// the people list as the district's operator (the whole district in scope, the widest query), the same filtered by a
/// skill a third of them have, the grids, the kiosks (with their heartbeat state, read from each kiosk's health actor), the
/// help-request queue by time left and the emergency directory (a year's worth of each), each after a warm-up at a
/// steady rate of pages (open loop) for the latency;
/// the people list's throughput with every connection busy; and the public page of the district center served to
/// anonymous phones (from the host's cache, with its ETag), closed loop. No kiosk load runs meanwhile.
/// </summary>
internal sealed class ListsScenario : IScenario
{
    private const string Root = "ls";
    private const int Centers = 54;

    /// <summary>Ten kiosks per center.</summary>
    private const int Kiosks = 10 * Centers;

    /// <summary>Open help requests and orders in the queue at once: a busy day's across the district.</summary>
    private const int HelpRequests = 20_000;

    /// <summary>Emergencies in the directory: years of drills and warnings.</summary>
    private const int Emergencies = 2_000;

    public string Name => "lists";

    public async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var database = await context.Postgres.CreateDatabaseAsync("lists");
        await using var host = ProductHost.Start(context, "webhost-lists", database, new Dictionary<string, string>
        {
            ["Limits:PublicPermitLimit"] = "100000000",
            ["Limits:AnonymousPermitLimit"] = "100000000",
        });
        await host.WaitReadyAsync(sizes.Patience);
        using var http = HttpLoad.CreateClient(host.Address, sizes.HttpConnections);
        var token = new AuthenticationHeaderValue("Bearer", DevToken.Issue("operator", Root));
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/centers"))
        {
            create.Headers.Authorization = token;
            create.Content = JsonContent.Create(new
            {
                id = Root, name = "列表区党群服务中心", level = "district", location = new { latitude = 27.7, longitude = 121.1 }, floorAreaSqm = 2000,
                openingHours = new { opens = "08:30", closes = "20:30" }, selfService24h = true, staff = Array.Empty<object>(), functions = new[] { "partyBuilding" },
            });
            (await http.SendAsync(create)).EnsureSuccessStatusCode();
        }

        await WriteLinesAsync(database, sizes);
        var district = $"{sizes.Volunteers:N0} people, {sizes.Grids:N0} grids, {Centers + 1} centers";
        // Latency at a steady rate of pages (open loop: a page's wait counts from when it was due), as dashboards page;
        // then the people list's throughput with every connection busy (closed loop, where the latency is queueing).
        (string Id, string Title, string Path)[] lists =
        [
            ("product.list_first_page_p99", "people (whole district in scope)", "/api/v1/volunteers?limit=50"),
            ("product.list_filtered_page_p99", "people filtered by skill (a third have it)", "/api/v1/volunteers?skill=swimming&limit=50"),
            ("product.list_grids_page_p99", "grids (whole district)", "/api/v1/grids?limit=50"),
            ("product.list_centers_page_p99", "centers (whole district)", "/api/v1/centers?limit=50"),
            ("product.list_kiosks_page_p99", $"kiosks with their heartbeat state ({Kiosks:N0})", "/api/v1/kiosks?limit=50"),
            ("product.list_help_requests_page_p99", $"help-request queue by time left ({HelpRequests:N0} open)", "/api/v1/help-requests?sort=due&limit=50"),
            ("product.list_help_requests_stage_page_p99", "help-request queue of one stage (a fifth)", "/api/v1/help-requests?stage=assigned&sort=due&limit=50"),
            ("product.list_emergencies_page_p99", $"emergency directory, newest first ({Emergencies:N0})", "/api/v1/emergencies/directory?limit=50"),
        ];
        await MeasureAsync(context, http, token, "/api/v1/volunteers?limit=50");
        foreach (var (id, title, path) in lists)
        {
            await OpenLoop.RunAsync(sizes.ListPagesPerSecond, sizes.Warmup, async _ => await SendAsync(http, token, path));
            var paced = await OpenLoop.RunAsync(sizes.ListPagesPerSecond, sizes.Measure, async _ => await SendAsync(http, token, path));
            context.Results.Product(
                id, $"(9) First page (50) of the {title} at {Results.Number(sizes.ListPagesPerSecond)} pages/s, p99, {district}", paced.Latency.P99, "ms",
                [], Target.AtMost(20, "ms"), $"p50 {Results.Number(paced.Latency.P50)} ms, {paced.Errors} errors");
        }

        var people = await MeasureAsync(context, http, token, "/api/v1/volunteers?limit=50");
        context.Results.Detail(
            "product.list_people_rate", $"(9) First pages of the people list answered per second, {sizes.HttpConnections} connections busy", people.PerSecond, "pages/s",
            $"p50 {Results.Number(people.Latency.P50)} ms, p99 {Results.Number(people.Latency.P99)} ms (queueing), {people.Errors} errors");
        var publicPage = await MeasureAsync(context, http, null, $"/api/v1/public/centers/{Root}");
        context.Results.Product(
            "product.public_page_rate", "(9) Public center page answered per second (anonymous, cached snapshot; no kiosk load meanwhile)", publicPage.PerSecond, "req/s",
            [(HttpPostCeiling.SmallId, "of the no-op POST ceiling", (v, c) => v / c)], Target.AtLeast(5_000, "req/s"),
            $"p99 {Results.Number(publicPage.Latency.P99)} ms (target <= 50 ms), {publicPage.Errors} errors");
    }

    private static async Task<bool> SendAsync(HttpClient http, AuthenticationHeaderValue? token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = token;
        return await HttpLoad.SendAsync(http, request);
    }

    private static async Task<LoadResult> MeasureAsync(BenchContext context, HttpClient http, AuthenticationHeaderValue? token, string path) =>
        await ClosedLoop.RunAsync(context.Sizes.HttpConnections, async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = token;
            return await HttpLoad.SendAsync(http, request);
        }, context.Sizes.Warmup, context.Sizes.Measure);

    /// <summary>Center, grid and person lines as the registry actors write them, by COPY.</summary>
    private static async Task WriteLinesAsync(string database, BenchSizes sizes)
    {
        await using var source = NpgsqlDataSource.Create(database);
        await using (var connection = await source.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY lianxin_listing (kind, id, center_id, parent_id, grid_id, sort_key, tags, item) FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < Centers; c++)
            {
                var (id, parent) = ($"ls-c{c:D2}", c < 6 ? Root : $"ls-c{c % 6:D2}");
                var center = new CenterListItem(
                    id, $"中心{c:D2}", CenterLevel.Community, parent, null, new GeoPoint(27.7, 121.1), new OpeningHours(new TimeOnly(8, 30), new TimeOnly(20, 30)), false, [BasicFunction.PartyBuilding], 100);
                await RowAsync(copy, (short)ListingKind.Center, id, id, parent, null, center.Name, ["level:community"], ListingJson.Write(center));
            }

            for (var g = 0; g < sizes.Grids; g++)
            {
                await RowAsync(copy, 2, $"ls-g{g:D5}", $"ls-c{6 + (g % (Centers - 6)):D2}", null, $"ls-g{g:D5}", $"网格{g:D5}", []);
            }

            var random = new Random(9);
            string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"];
            for (var p = 0; p < sizes.Volunteers; p++)
            {
                var id = $"ls-p{p:D6}";
                string[] tags = [p % 2 == 0 ? "party:true" : "party:false", .. p % 3 == 0 ? new[] { "skill:swimming" } : []];
                await RowAsync(copy, 3, id, null, null, $"ls-g{p % sizes.Grids:D5}", $"{surnames[random.Next(surnames.Length)]}{random.Next(10_000):D4}", tags,
                    $$"""{"id":"{{id}}","name":"志愿者","phone":"13800000000","isPartyMember":true,"isMobilePartyMember":false,"isInServicePartyMember":false,"homeGridId":"ls-g{{p % sizes.Grids:D5}}","gridRole":"member","skills":[]}""");
            }

            for (var k = 0; k < Kiosks; k++)
            {
                var (id, center) = ($"ls-k{k:D4}", $"ls-c{k % Centers:D2}");
                await RowAsync(copy, (short)ListingKind.Kiosk, id, center, null, null, $"自助终端{k:D4}", [], ListingJson.Write(new KioskListItem(id, $"自助终端{k:D4}", center)));
            }

            // The queue's lines as the help-request actors write them (ListingLines.HelpRequest): due within the next day.
            var stages = new[] { HelpRequestState.Open, HelpRequestState.Assigned, HelpRequestState.InProgress, HelpRequestState.Escalated, HelpRequestState.Ordered };
            var functions = Enum.GetValues<BasicFunction>();
            var now = DateTimeOffset.UtcNow;
            for (var h = 0; h < HelpRequests; h++)
            {
                var (id, center, stage, function, due) = ($"ls-hr{h:D6}", $"ls-c{h % Centers:D2}", stages[h % stages.Length], functions[h % functions.Length], now.AddSeconds(random.Next(86_400)));
                await RowAsync(copy, (short)ListingKind.HelpRequest, id, center, null, null, ListingLines.Stamp(due),
                    [ListingTags.Of("stage", stage), ListingTags.Of("function", function)],
                    ListingJson.Write(new HelpRequestListItem(id, center, function, stage, null, due, null, 0)));
            }

            for (var e = 0; e < Emergencies; e++)
            {
                var launched = now.AddHours(-6 * e);
                var entry = new EmergencyEntry($"ls-em{e:D5}", $"演练{e:D5}", EmergencyMode.Exercise, EmergencyLevel.Blue, EmergencyPhase.Ended, $"ls-c{e % Centers:D2}", null, launched, launched.AddHours(2));
                await RowAsync(copy, (short)ListingKind.Emergency, entry.Id, entry.HomeCenterId, null, null, ListingLines.Stamp(launched),
                    [ListingTags.Of("phase", entry.Phase), ListingTags.Of("mode", entry.Mode), ListingTags.Of("level", entry.Level)], ListingJson.Write(entry));
            }

            await copy.CompleteAsync();
        }

        // As autovacuum leaves a table some time after a bulk load: statistics and the visibility map (index-only scans).
        await using var analyze = source.CreateCommand("VACUUM ANALYZE lianxin_listing");
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task RowAsync(NpgsqlBinaryImporter copy, short kind, string id, string? center, string? parent, string? grid, string key, string[] tags, string item = "{}")
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(kind, NpgsqlDbType.Smallint);
        await copy.WriteAsync(id, NpgsqlDbType.Text);
        await WriteNullableAsync(copy, center);
        await WriteNullableAsync(copy, parent);
        await WriteNullableAsync(copy, grid);
        await copy.WriteAsync(key, NpgsqlDbType.Text);
        await copy.WriteAsync(tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await copy.WriteAsync(item, NpgsqlDbType.Text);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text);
        }
    }
}
