using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianxin.Bench.Harness;

/// <summary>
/// A kiosk batch as kiosk protocol v1 puts it on the wire (<c>{"events":[...]}</c>, camelCase, absent fields left
/// out), with the simulator's usual mix of check-ins, check-outs and self-service: the body size of the HTTP ceiling.
/// </summary>
internal static class KioskBatchBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] Create(int events)
    {
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, events).Select(i => (i % 3) switch
        {
            0 => new WireEvent(Guid.NewGuid(), now, "checkIn", $"r-k-001-{i}", "visitor", "convenienceServices"),
            1 => new WireEvent(Guid.NewGuid(), now, "checkOut", $"r-k-001-{i - 1}"),
            _ => new WireEvent(Guid.NewGuid(), now, "selfService", Service: "socialSecurityQuery"),
        });
        return JsonSerializer.SerializeToUtf8Bytes(new { events = batch }, Json);
    }

    private sealed record WireEvent(
        Guid EventId, DateTimeOffset OccurredAt, string Type, string? PersonId = null, string? Role = null, string? Purpose = null, string? Service = null);
}
