using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianxin.Common.Journal;

namespace Lianxin.Emergencies;

/// <summary>The names, stream and JSON of an emergency's journal events.</summary>
internal static class EmergencyEvents
{
    public const string Launched = "emergency.launched";
    public const string Targeted = "emergency.targeted";
    public const string Message = "emergency.message";
    public const string Delivered = "emergency.delivered";
    public const string FanOutDone = "emergency.fanOutDone";
    public const string Attempts = "emergency.attempts";
    public const string Status = "emergency.status";
    public const string Reserve = "emergency.reserve";
    public const string Asked = "emergency.asked";
    public const string AskExpired = "emergency.askExpired";
    public const string Level = "emergency.level";
    public const string Closed = "emergency.closed";
    public const string Escalated = "emergency.escalated";
    public const string Dispatched = "emergency.dispatched";
    public const string StoodDown = "emergency.stoodDown";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Stream(string emergencyId) => $"emergency:{emergencyId}";

    public static JournalEntry Entry<T>(string emergencyId, string type, T payload, DateTimeOffset at, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), Stream(emergencyId), at, type, JsonSerializer.SerializeToUtf8Bytes(payload, Json));

    public static T Read<T>(JournalEntry entry) =>
        JsonSerializer.Deserialize<T>(entry.Payload, Json) ?? throw new InvalidDataException($"Empty {entry.Type} payload in {entry.Stream}.");

    /// <summary>
    /// A stable id for an event that must happen once however often it is attempted (reminder k, an escalation, a
    /// client's retried answer): the journal stores the first and reports the rest as already there.
    /// </summary>
    public static Guid OnceId(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]);
    }
}
