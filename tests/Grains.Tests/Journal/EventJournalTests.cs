using System.Text;
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
    private SharedCommit _commit = null!;
    private PostgresEventJournal _postgres = null!;

    public static TheoryData<string> Journals => ["postgres", "memory"];

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        _commit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
        _postgres = NewJournal();
    }

    /// <summary>A journal as a silo has one: kiosks' streams in pages.</summary>
    private PostgresEventJournal NewJournal() =>
        new(_dataSource, _commit, NullLogger<PostgresEventJournal>.Instance, Lianxin.Hosting.SiloConfiguration.KioskJournalPaging());

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _commit.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private IEventJournal Journal(string kind) => kind == "postgres" ? _postgres : new InMemoryEventJournal();

    private static JournalEntry Entry(string stream, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), stream, DateTimeOffset.UtcNow, "checkIn", """{"person":"v-1"}"""u8.ToArray());

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
    public async Task KiosksEventsStoredOneRowEachBeforePagesKeepTheirPositionsAndAreRecognised()
    {
        // The journal as it was before migrations 12 (payloads as jsonb) and 16 (kiosks' pages): one row per event.
        var connectionString = _dataSource.ConnectionString;
        var oldId = Guid.NewGuid();
        var positions = new List<long>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var earlier = new NpgsqlCommand(
                """
                DROP VIEW lianxin_journal;
                DROP TABLE lianxin_journal_page;
                ALTER TABLE lianxin_event_journal ALTER COLUMN payload TYPE jsonb USING convert_from(payload, 'UTF8')::jsonb;
                INSERT INTO lianxin_event_journal (event_id, stream, occurred_at, event_type, payload)
                VALUES (@id, 'kiosk:old', now(), 'checkIn', '{"person": "居民-1", "role": "visitor"}'::jsonb),
                       (gen_random_uuid(), 'emergency:old', now(), 'launched', '{"person": "居民-2"}'::jsonb),
                       (gen_random_uuid(), 'kiosk:old', now(), 'checkOut', '{"person": "居民-1"}'::jsonb);
                DELETE FROM lianxin_schema_migrations WHERE version IN (12, 16);
                SELECT position FROM lianxin_event_journal WHERE stream = 'kiosk:old' ORDER BY position;
                """,
                connection);
            earlier.Parameters.AddWithValue("id", oldId);
            await using var reader = await earlier.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                positions.Add(reader.GetInt64(0));
            }
        }

        await new DatabaseMigrator(connectionString, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var journal = NewJournal();
        var again = await journal.AppendAsync([new JournalEntry(oldId, "kiosk:old", DateTimeOffset.UtcNow, "checkIn", "{}"u8.ToArray())]);
        var added = await journal.AppendAsync([new JournalEntry(Guid.NewGuid(), "kiosk:old", DateTimeOffset.UtcNow, "checkOut", Encoding.UTF8.GetBytes("""{"person":"居民-1"}"""))]);

        var read = await journal.ReadAsync("kiosk:old", 0, 10);
        var afterFirst = await journal.ReadAsync("kiosk:old", positions[0], 10);

        Assert.Equal([0L], again);
        Assert.Equal([.. positions, added[0]], read.Select(r => r.Position));
        Assert.True(added[0] > positions[^1], "new pages are numbered after every event stored before");
        Assert.Equal(oldId, read[0].Entry.Id);
        Assert.Equal(["居民-1", "居民-1", "居民-1"], read.Select(r => JsonDocument.Parse(r.Entry.Payload).RootElement.GetProperty("person").GetString()));
        Assert.Equal("visitor", JsonDocument.Parse(read[0].Entry.Payload).RootElement.GetProperty("role").GetString());
        Assert.Equal("""{"person":"居民-1"}""", Encoding.UTF8.GetString(read[2].Entry.Payload));
        Assert.Equal(read.Skip(1).Select(r => r.Position), afterFirst.Select(r => r.Position));
        Assert.Equal("居民-2", JsonDocument.Parse((await journal.ReadAsync("emergency:old", 0, 10)).Single().Entry.Payload).RootElement.GetProperty("person").GetString());
    }

    [Fact]
    public async Task AJournalStartedAfterARestartRecognisesEveryIdStoredBefore()
    {
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var entries = Enumerable.Range(0, 120).Select(_ => Entry(stream)).ToArray();
        await _postgres.AppendAsync(entries[..70]);

        await using var restarted = NewJournal();
        var answers = await restarted.AppendAsync(entries[50..]);

        Assert.Equal(20, answers.Count(p => p == 0));
        Assert.All(answers[20..], p => Assert.True(p > 0));
        Assert.Equal(entries.Select(e => e.Id), (await restarted.ReadAsync(stream, 0, 1000)).Select(r => r.Entry.Id));
    }

    [Fact]
    public async Task EventsOlderThanWhatTheJournalRemembersAreFoundInTheirPagesWhenReSent()
    {
        // A kiosk's upload after three days offline, its answer lost, then sent again: before and after a restart.
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var threeDaysAgo = DateTimeOffset.UtcNow.AddDays(-3);
        var late = Enumerable.Range(0, 40).Select(i => new JournalEntry(Guid.NewGuid(), stream, threeDaysAgo.AddMinutes(i), "checkIn", "{}"u8.ToArray())).ToArray();
        var recent = Enumerable.Range(0, 10).Select(_ => Entry(stream)).ToArray();
        var first = await _postgres.AppendAsync([.. late[..30], .. recent]);

        var again = await _postgres.AppendAsync([.. late[20..], .. recent[..5]]);
        await using var restarted = NewJournal();
        var afterRestart = await restarted.AppendAsync([.. late, .. recent]);

        Assert.All(first, p => Assert.True(p > 0));
        Assert.Equal(Enumerable.Repeat(true, 10).Concat(Enumerable.Repeat(false, 10)).Concat(Enumerable.Repeat(true, 5)), again.Select(p => p == 0));
        Assert.All(afterRestart, p => Assert.Equal(0, p));
        Assert.Equal(50, (await restarted.ReadAsync(stream, 0, 1000)).Count);
    }

    [Fact]
    public async Task AWriterThatMissedAnotherWritersPagesReadsTheStreamAgainAndStoresNothingTwice()
    {
        // A kiosk's actor moved to another silo and back: the first silo's journal knows the stream as it left it.
        await using var other = NewJournal();
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var entries = Enumerable.Range(0, 90).Select(_ => Entry(stream)).ToArray();
        await _postgres.AppendAsync(entries[..30]);
        await other.AppendAsync(entries[30..60]);

        var answers = await _postgres.AppendAsync(entries[20..]);

        Assert.Equal(40, answers.Count(p => p == 0));
        Assert.All(answers[40..], p => Assert.True(p > 0));
        Assert.Equal(entries.Select(e => e.Id), (await _postgres.ReadAsync(stream, 0, 1000)).Select(r => r.Entry.Id));
    }

    [Fact]
    public async Task TwoJournalsAppendingOneStreamAtOnceNeverStoreAnIdTwice()
    {
        // Two silos appending the same events of one stream at once (an actor's two activations during a failover).
        await using var other = NewJournal();
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var entries = Enumerable.Range(0, 300).Select(_ => Entry(stream)).ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? _postgres : other).AppendAsync([.. entries.Skip(i * 20).Take(80)])));

        Assert.Equal(300, answers.Sum(a => a.Count(p => p > 0)));
        Assert.Equal(entries.Select(e => e.Id).Order(), (await _postgres.ReadAsync(stream, 0, 1000)).Select(r => r.Entry.Id).Order());
    }

    [Fact]
    public async Task AStreamLongerThanAReadIsReadPageAfterPageWithoutGapsOrRepeats()
    {
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var appended = new List<long>();
        for (var batch = 0; batch < 90; batch++)
        {
            appended.AddRange(await _postgres.AppendAsync([.. Enumerable.Range(0, 1 + batch % 7).Select(_ => Entry(stream))]));
        }

        var read = new List<long>();
        for (var page = await _postgres.ReadAsync(stream, 0, 25); page.Count > 0; page = await _postgres.ReadAsync(stream, read[^1], 25))
        {
            Assert.True(page.Count <= 25);
            read.AddRange(page.Select(r => r.Position));
        }

        Assert.Equal(appended, read);
    }

    [Fact]
    public async Task AnAppendLargerThanAPageIsStoredInOrderAcrossPages()
    {
        var stream = $"kiosk:{Guid.NewGuid():N}";
        var entries = Enumerable.Range(0, 2500).Select(_ => Entry(stream)).ToArray();

        var stored = await _postgres.AppendAsync(entries);
        var read = await _postgres.ReadAsync(stream, 0, 5000);

        Assert.Equal(stored.Order(), stored);
        Assert.Equal(entries.Select(e => e.Id), read.Select(r => r.Entry.Id));
        Assert.Equal(stored, read.Select(r => r.Position));
    }
}
