using System.Text.Json;
using Lianxin.Hosting.Database;
using Lianxin.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace Lianxin.Grains.Tests.Journal;

/// <summary>The live path's grain storage on PostgreSQL: many actors' writes per commit, each answered on its own.</summary>
[Trait("Needs", "PostgreSQL")]
public sealed class GroupCommitGrainStorageTests : IAsyncLifetime
{
    private readonly EarlierStorage _earlier = new();
    private NpgsqlDataSource _dataSource = null!;
    private SharedCommit _commit = null!;
    private GroupCommitGrainStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync());
        _commit = new SharedCommit(_dataSource, NullLogger<SharedCommit>.Instance);
        _storage = Create();
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _commit.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentWritesOfManyActorsAreEachStoredAndGetTheirOwnETag()
    {
        var states = Enumerable.Range(0, 300).Select(i => (Id: Grain(i), State: new GrainState<Counter>(new Counter { Value = i }))).ToList();

        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync("counter", s.Id, s.State)));
        foreach (var (_, state) in states)
        {
            state.State!.Value += 1000;
        }

        await Task.WhenAll(states.Select(s => _storage.WriteStateAsync("counter", s.Id, s.State)));

        await using var fresh = Create();
        var read = await Task.WhenAll(states.Select(async s =>
        {
            var state = new GrainState<Counter>(new Counter());
            await fresh.ReadStateAsync("counter", s.Id, state);
            return state;
        }));
        Assert.Equal(states.Select(s => s.State.State!.Value), read.Select(r => r.State!.Value));
        Assert.All(read, r => Assert.Equal("2", r.ETag));
    }

    [Fact]
    public async Task AStaleETagFailsThatWriteAloneAndChangesNothing()
    {
        var (a, b) = (Grain(1), Grain(2));
        var stateA = new GrainState<Counter>(new Counter { Value = 1 });
        var stateB = new GrainState<Counter>(new Counter { Value = 1 });
        await Task.WhenAll(_storage.WriteStateAsync("counter", a, stateA), _storage.WriteStateAsync("counter", b, stateB));
        var otherActivationOfB = new GrainState<Counter>(new Counter { Value = 99 }) { ETag = stateB.ETag };
        await _storage.WriteStateAsync("counter", b, otherActivationOfB);

        stateA.State!.Value = 2;
        stateB.State!.Value = 2;
        var writes = new[] { _storage.WriteStateAsync("counter", a, stateA), _storage.WriteStateAsync("counter", b, stateB) };

        await writes[0];
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[1]);
        var readB = new GrainState<Counter>(new Counter());
        await _storage.ReadStateAsync("counter", b, readB);
        Assert.Equal(99, readB.State!.Value);
    }

    [Fact]
    public async Task AStateKeptByTheEarlierStorageIsReadFromItMovesHereOnItsNextWriteAndIsClearedThere()
    {
        var id = Grain(7);
        await EarlierTableHoldsAsync("counter");
        _earlier.Stored[("counter", id)] = 41;
        var state = new GrainState<Counter>(new Counter());

        await _storage.ReadStateAsync("counter", id, state);
        state.State!.Value++;
        await _storage.WriteStateAsync("counter", id, state);
        var again = new GrainState<Counter>(new Counter());
        await _storage.ReadStateAsync("counter", id, again);

        Assert.Equal(42, again.State!.Value);
        Assert.Equal([("counter", id, "earlier-etag")], _earlier.Cleared);
    }

    [Fact]
    public async Task ActorsActivatingTogetherEachReadTheirOwnStateOrNone()
    {
        // Reads that arrive together share statements: each answer must still be its own actor's, a missing state none.
        await Task.WhenAll(Enumerable.Range(0, 200).Where(i => i % 2 == 0)
            .Select(i => _storage.WriteStateAsync("counter", Grain(i), new GrainState<Counter>(new Counter { Value = i }))));
        await using var fresh = Create();

        var read = await Task.WhenAll(Enumerable.Range(0, 400).Select(async n =>
        {
            var state = new GrainState<Counter>(new Counter { Value = -1 });
            await fresh.ReadStateAsync("counter", Grain(n % 200), state);
            return (Grain: n % 200, state.RecordExists, state.State!.Value, state.ETag);
        }));

        Assert.All(read, r => Assert.Equal(r.Grain % 2 == 0 ? (true, r.Grain, "1") : (false, -1, null), (r.RecordExists, r.Value, r.ETag)));
    }

    [Fact]
    public async Task ANewActorCostsOneReadWhenTheEarlierStorageHoldsNoStateOfItsName()
    {
        await EarlierTableHoldsAsync("other");
        var state = new GrainState<Counter>(new Counter());

        await _storage.ReadStateAsync("counter", Grain(8), state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, _earlier.Reads);
    }

    /// <summary>A row of the earlier storage's table (migration 0002), as that storage leaves a state it wrote.</summary>
    private async Task EarlierTableHoldsAsync(string stateName)
    {
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload_binary, version) "
            + "VALUES ('test', @name, 1, 2, 'x', '\\x01', 1)");
        command.Parameters.AddWithValue("name", stateName);
        await command.ExecuteNonQueryAsync();
    }

    private GroupCommitGrainStorage Create() => new(_dataSource, _commit, new JsonStateSerializer(), _earlier, NullLogger<GroupCommitGrainStorage>.Instance);

    private static GrainId Grain(int i) => GrainId.Create("counter", $"c-{i}");

    public sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class JsonStateSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input));

        public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span)!;
    }

    /// <summary>What the actors' earlier storage still holds (values of <see cref="Counter"/> by state and grain).</summary>
    private sealed class EarlierStorage : IGrainStorage
    {
        public Dictionary<(string, GrainId), int> Stored { get; } = [];

        public List<(string, GrainId, string?)> Cleared { get; } = [];

        public int Reads { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads++;
            if (Stored.TryGetValue((stateName, grainId), out var value) && grainState is IGrainState<Counter> counter)
            {
                counter.State = new Counter { Value = value };
                counter.ETag = "earlier-etag";
                counter.RecordExists = true;
            }

            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException("Writes go to the new storage.");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Cleared.Add((stateName, grainId, grainState.ETag));
            return Task.CompletedTask;
        }
    }
}
