using System.Text.Json;
using Lianxin.Common.Journal;
using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Grains.Tests.Journal;

/// <summary>The same contract, held by the PostgreSQL journal and the in-memory one of the embedded default.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class EventJournalTests : IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private PostgresEventJournal _postgres = null!;

    public static TheoryData<string> Journals => ["postgres", "memory"];

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        _postgres = new PostgresEventJournal(_dataSource, NullLogger<PostgresEventJournal>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private IEventJournal Journal(string kind) => kind == "postgres" ? _postgres : new InMemoryEventJournal();

    private static JournalEntry Entry(string stream, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), stream, DateTimeOffset.UtcNow, "checkIn", """{"person":"v-1"}""");

    [Theory, MemberData(nameof(Journals))]
    public async Task SameBatchTwiceIsStoredOnce(string kind)
    {
        var journal = Journal(kind);
        var batch = new[] { Entry("kiosk:a"), Entry("kiosk:a") };

        var first = await journal.AppendAsync(batch);
        var second = await journal.AppendAsync(batch);

        Assert.All(first, p => Assert.True(p > 0));
        Assert.True(first[1] > first[0], "positions follow the order of the entries");
        Assert.Equal([0, 0], second);
        Assert.Equal(2, (await journal.ReadAsync("kiosk:a", 0, 100)).Count);
    }

    [Theory, MemberData(nameof(Journals))]
    public async Task AKioskTakingAnEmergencysHappensOnceIdChangesNothingForTheEmergency(string kind)
    {
        var journal = Journal(kind);
        var emergency = $"e-{Guid.NewGuid():N}";
        var escalation = Lianxin.Emergencies.EmergencyEvents.OnceId($"{emergency}/escalate/gridLead");

        var taken = await journal.AppendAsync([Entry("kiosk:mallory", escalation)]);
        var escalated = await journal.AppendAsync([Entry(Lianxin.Emergencies.EmergencyEvents.Stream(emergency), escalation)]);
        var again = await journal.AppendAsync([Entry(Lianxin.Emergencies.EmergencyEvents.Stream(emergency), escalation)]);

        Assert.True(taken[0] > 0);
        Assert.True(escalated[0] > 0, "the emergency's step is stored as its own, whatever another stream holds");
        Assert.Equal([0L], again);
        Assert.Single(await journal.ReadAsync(Lianxin.Emergencies.EmergencyEvents.Stream(emergency), 0, 10));
    }

    [Theory, MemberData(nameof(Journals))]
    public async Task RepeatWithinOneBatchCountsOnce(string kind)
    {
        var journal = Journal(kind);
        var id = Guid.NewGuid();

        var stored = await journal.AppendAsync([Entry("kiosk:b", id), Entry("kiosk:b", id), Entry("kiosk:b")]);

        Assert.Equal([true, false, true], stored.Select(p => p > 0));
    }

    [Theory, MemberData(nameof(Journals))]
    public async Task ConcurrentOverlappingBatchesStoreEachEntryExactlyOnce(string kind)
    {
        var journal = Journal(kind);
        var entries = Enumerable.Range(0, 200).Select(_ => Entry("kiosk:c")).ToArray();

        // Eight senders each post an overlapping window of the same entries at the same time.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            journal.AppendAsync(entries.Skip(i * 20).Take(60).ToArray())));

        var storedIds = answers.SelectMany((flags, i) => entries.Skip(i * 20).Take(60).Where((_, j) => flags[j] > 0)).Select(e => e.Id).ToList();
        Assert.Equal(storedIds.Count, storedIds.Distinct().Count());
        Assert.Equal(entries.Take(200).Select(e => e.Id).Order(), storedIds.Order());
        Assert.Equal(200, (await journal.ReadAsync("kiosk:c", 0, 1000)).Count);
    }

    [Theory, MemberData(nameof(Journals))]
    public async Task ReadingAStreamReturnsItsEntriesInOrderAfterAPosition(string kind)
    {
        var journal = Journal(kind);
        var first = Entry("emergency:e1");
        var second = Entry("emergency:e1");
        var firstAt = (await journal.AppendAsync([first]))[0];
        await journal.AppendAsync([Entry("emergency:other")]);
        var secondAt = (await journal.AppendAsync([second]))[0];

        var all = await journal.ReadAsync("emergency:e1", 0, 10);
        var rest = await journal.ReadAsync("emergency:e1", all[0].Position, 10);

        Assert.Equal([first.Id, second.Id], all.Select(r => r.Entry.Id));
        Assert.Equal([firstAt, secondAt], all.Select(r => r.Position));
        Assert.Equal([second.Id], rest.Select(r => r.Entry.Id));
        Assert.Equal("v-1", JsonDocument.Parse(all[0].Entry.Payload).RootElement.GetProperty("person").GetString());
    }

    [Fact]
    public async Task EventsStoredBeforeThePayloadWasKeptAsBytesReadBackTheSame()
    {
        // The journal as it was before migration 12, with an event in it.
        var connectionString = _dataSource.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var earlier = new NpgsqlCommand(
                """
                ALTER TABLE lianxin_event_journal ALTER COLUMN payload TYPE jsonb USING convert_from(payload, 'UTF8')::jsonb;
                INSERT INTO lianxin_event_journal (event_id, stream, occurred_at, event_type, payload)
                VALUES (gen_random_uuid(), 'kiosk:old', now(), 'checkIn', '{"person": "居民-1", "role": "visitor"}'::jsonb);
                DELETE FROM lianxin_schema_migrations WHERE version = 12;
                """,
                connection);
            await earlier.ExecuteNonQueryAsync();
        }

        await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await _postgres.AppendAsync([new JournalEntry(Guid.NewGuid(), "kiosk:old", DateTimeOffset.UtcNow, "checkOut", """{"person":"居民-1"}""")]);

        var read = await _postgres.ReadAsync("kiosk:old", 0, 10);

        Assert.Equal(["居民-1", "居民-1"], read.Select(r => JsonDocument.Parse(r.Entry.Payload).RootElement.GetProperty("person").GetString()));
        Assert.Equal("visitor", JsonDocument.Parse(read[0].Entry.Payload).RootElement.GetProperty("role").GetString());
        Assert.Equal("""{"person":"居民-1"}""", read[1].Entry.Payload);
    }
}
