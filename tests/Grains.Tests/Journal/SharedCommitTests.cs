using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Lianxin.Grains.Tests.Journal;

/// <summary>
/// The live path's shared commit on PostgreSQL: what several writers hold at a moment is one transaction, a statement
/// the server refuses fails only its own writer, and a writer that takes the outbound log's order lock goes last.
/// Each test first holds the commit in flight on a lock of its own, so that what it sends next waits together.
/// </summary>
[Trait("Needs", "PostgreSQL")]
public sealed class SharedCommitTests : IAsyncLifetime
{
    private const long Gate = 0x5EED;

    private NpgsqlDataSource _dataSource = null!;
    private SharedCommit _commit = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        await using var create = _dataSource.CreateCommand("CREATE TABLE shared_commit_test (id bigint GENERATED ALWAYS AS IDENTITY, name text, n int)");
        await create.ExecuteNonQueryAsync();
        _commit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _commit.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task StatementsOfWritersWaitingTogetherCommitInOneTransaction()
    {
        var (held, release) = await HoldTheCommitAsync();

        var waiting = Enumerable.Range(0, 3).Select(_ => _commit.RunAsync(() => new NpgsqlBatchCommand("SELECT txid_current()"), ReadLongAsync)).ToList();
        await release();

        var transactions = await Task.WhenAll(waiting);
        Assert.Single(transactions.Distinct());
        Assert.NotEqual(await held, transactions[0]);
    }

    [Fact]
    public async Task AStatementTheServerRefusesFailsItsOwnWriterAlone()
    {
        var (held, release) = await HoldTheCommitAsync();

        var first = _commit.RunAsync(() => [Insert("first", "1")]);
        var refused = _commit.RunAsync(() => [Insert("refused", "'not a number'")]);
        var last = _commit.RunAsync(() => Insert("last", "3", returning: true), ReadLongAsync);
        await release();
        await held;

        await first;
        await Assert.ThrowsAsync<PostgresException>(() => refused);
        Assert.Equal(3, await last);
        Assert.Equal(["first", "last"], await NamesAsync());
    }

    [Fact]
    public async Task AWriterHoldingTheOrderLockGoesLastInItsCommit()
    {
        var (held, release) = await HoldTheCommitAsync();

        var locking = _commit.RunAsync(() => [Insert("holds the lock", "1")], holdsLock: true);
        var plain = _commit.RunAsync(() => [Insert("plain", "2")]);
        await release();
        await held;
        await Task.WhenAll(locking, plain);

        Assert.Equal(["plain", "holds the lock"], await NamesAsync());
    }

    /// <summary>
    /// Takes a lock on a connection of the test's own and sends a statement that waits for it: until released, anything
    /// sent waits for the next commit. Answers the waiting statement's transaction id and the release.
    /// </summary>
    private async Task<(Task<long> Held, Func<Task> Release)> HoldTheCommitAsync()
    {
        var gate = await _dataSource.OpenConnectionAsync();
        var transaction = await gate.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({Gate})", gate, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        var held = _commit.RunAsync(() => new NpgsqlBatchCommand($"SELECT txid_current() FROM pg_advisory_xact_lock({Gate})"), ReadLongAsync);
        await WaitForLockWaiterAsync();
        return (held, async () =>
        {
            await transaction.CommitAsync();
            await gate.DisposeAsync();
        });
    }

    private async Task WaitForLockWaiterAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        await Eventually.HoldsAsync(async () => (long)(await command.ExecuteScalarAsync())!, waiting => waiting > 0, TimeSpan.FromSeconds(30), "the held statement waiting for the lock");
    }

    private static NpgsqlBatchCommand Insert(string name, string n, bool returning = false) =>
        new($"INSERT INTO shared_commit_test (name, n) VALUES ('{name}', {n})" + (returning ? " RETURNING n::bigint" : ""));

    private static async Task<long> ReadLongAsync(NpgsqlDataReader reader)
    {
        Assert.True(await reader.ReadAsync());
        return reader.GetInt64(0);
    }

    private async Task<List<string>> NamesAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT name FROM shared_commit_test ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
