using Orleans.Serialization;
using Orleans.Storage;

namespace Lianxin.Hosting.Database;

/// <summary>
/// The live-path actors' states as bytes: Orleans' serializer writing into its pooled buffers, the result copied once
/// into an array of its exact size, which the storage's statement sends as it is. Orleans'
/// <see cref="OrleansGrainStorageSerializer"/> writes into a new buffer that grows by doubling from a few hundred bytes
/// and answers a slice of it, which had to be copied again: for a busy center's snapshot (a day of visits, megabytes)
/// those buffers were most of what the host allocated on the large-object heap during ingest, and what started most of
/// its full collections (BENCHMARKS.md (1q)). The bytes are the same either way.
/// </summary>
internal sealed class StateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory())!;
}
