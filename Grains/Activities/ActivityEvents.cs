using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Common.Journal;

namespace Lianxin.Activities;

/// <summary>The journal stream and JSON of an activity's steps.</summary>
internal static class ActivityEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Stream(string activityId) => $"activity:{activityId}";

    /// <summary>
    /// Step N of an activity has one id, whoever writes it: the journal stores the first writer's step N and reports the
    /// other's as there already, which is how a stale activation learns it is stale.
    /// </summary>
    public static JournalEntry Entry(string activityId, ActivityEvent step) =>
        new(SequenceId(activityId, step.Sequence), Stream(activityId), step.At, step.Type, JsonSerializer.SerializeToUtf8Bytes(step, Json));

    public static ActivityEvent Read(JournalEntry entry) =>
        JsonSerializer.Deserialize<ActivityEvent>(entry.Payload, Json) ?? throw new InvalidDataException($"Empty {entry.Type} payload in {entry.Stream}.");

    private static Guid SequenceId(string activityId, long sequence)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Stream(activityId)}/{sequence}"), hash);
        return new Guid(hash[..16]);
    }
}
