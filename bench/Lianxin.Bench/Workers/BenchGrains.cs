using Lianxin.Common;

namespace Lianxin.Bench.Workers;

/// <summary>A grain that does nothing: the floor of a grain call.</summary>
[Alias("Lianxin.Bench.INoOpGrain")]
public interface INoOpGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task PingAsync();
}

/// <summary>A grain that writes its state on every call: the floor of a durable grain write.</summary>
[Alias("Lianxin.Bench.IStateWriteGrain")]
public interface IStateWriteGrain : IGrainWithIntegerKey
{
    [Alias("Write")]
    Task WriteAsync(int value);

    /// <summary>Activates the grain (reading its row) without writing.</summary>
    [Alias("Touch")]
    Task TouchAsync();
}

/// <summary>A grain that holds a 200-byte state and does nothing: the floor of an idle activation's memory.</summary>
[Alias("Lianxin.Bench.IIdleGrain")]
public interface IIdleGrain : IGrainWithIntegerKey
{
    [Alias("Touch")]
    Task TouchAsync();
}

internal sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

internal sealed class IdleGrain : Grain, IIdleGrain
{
    private readonly byte[] _state = new byte[200];

    public Task TouchAsync()
    {
        _state[0]++;
        return Task.CompletedTask;
    }
}

/// <summary>About as big as a volunteer's registry facts, so the write is not flattered by a tiny row.</summary>
[GenerateSerializer, Alias("Lianxin.Bench.WriteState")]
public sealed class WriteState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string Text { get; set; } = new('x', 200);
}

internal sealed class StateWriteGrain(
    [PersistentState("bench-write", StorageNames.Default)] IPersistentState<WriteState> state) : Grain, IStateWriteGrain
{
    public Task TouchAsync() => Task.CompletedTask;

    public async Task WriteAsync(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }
}
