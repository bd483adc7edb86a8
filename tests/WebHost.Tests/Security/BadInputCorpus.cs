using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>One bad input for one endpoint: the raw body and content type, and what answer it may get.</summary>
public sealed record BadInputCase(string Name, Func<SecurityDistrict, BadInputTarget, string> Body, string ContentType = "application/json")
{
    /// <summary>Set for a printable naughty string in a free-text field: a 2xx is fine when the stored value round-trips.</summary>
    public (BodyField Field, string Value)? AcceptedIfStoredExactly { get; init; }

    /// <summary>The field a validation problem must name, where the refusal is the product's own validation.</summary>
    public string? ErrorField { get; init; }
}

/// <summary>
/// The inputs every write endpoint is tried with: broken JSON, wrong types, huge bodies and strings, impossible
/// coordinates and polygons, unknown enum names and naughty strings.
/// </summary>
public static class BadInputCorpus
{
    /// <summary>Stands for a lone UTF-16 surrogate, which only raw JSON text can carry (\ud800).</summary>
    private const string LoneSurrogate = "\u0001lone-surrogate\u0001";

    private static readonly string FiveMegabytes = new('x', 5 * 1024 * 1024);

    /// <summary>
    /// Printable strings that are valid free text (a center may be called "🏠 之家"; a reason may quote SQL or markup, which
    /// the API stores as text and always serializes as JSON): accepted only when they come back exactly as sent.
    /// </summary>
    private static readonly (string Name, string Value)[] PrintableNaughty =
    [
        ("emoji", "志愿者之家 🏠👍🏽"),
        ("SQL injection", "'; DROP TABLE lianxin_event_journal; --"),
        ("script tag", "<script>alert(1)</script>"),
        ("mixed scripts", "Ünïcödé 中文 العربية"),
    ];

    /// <summary>
    /// Strings no text field takes: control characters, a bidirectional override (it makes a name read backwards), lengths
    /// past any limit (all refused by the API's validation, naming the field), and a broken surrogate (not even JSON text).
    /// </summary>
    private static readonly (string Name, string Value, bool Validated)[] RefusedText =
    [
        ("NUL character", "name\u0000", true),
        ("bell character", "name\u0007", true),
        ("line feed", "first\nsecond", true),
        ("right-to-left override", "abc\u202Efdp.exe", true),
        ("lone surrogate", $"name{LoneSurrogate}", false),
        ("100,000 characters", new string('a', 100_000), true),
        ("100,000 CJK characters", new string('党', 100_000), true),
    ];

    private static readonly (string Name, JsonNode? Value)[] WrongTypesForText = [("number for text", 123), ("object for text", new JsonObject())];

    public static IEnumerable<BadInputCase> For(BadInputTarget target)
    {
        yield return new("malformed JSON", (_, _) => """{"name": """);
        yield return new("truncated JSON", (d, t) => Serialize(t.ValidBody(d)) is var json ? json[..(json.Length / 2)] : "");
        yield return new("not JSON", (_, _) => "hello");
        yield return new("array instead of an object", (_, _) => "[]");
        yield return new("bare string", (_, _) => "\"x\"");
        yield return new("JSON null", (_, _) => "null");
        yield return new("empty body", (_, _) => "");
        yield return new("nested 10,000 deep", (_, _) => $"{{\"name\":{new string('[', 10_000)}{new string(']', 10_000)}}}");
        yield return new("JSON sent as text/plain", (d, t) => Serialize(t.ValidBody(d)), "text/plain");
        if (target.Fields.FirstOrDefault(f => f.Kind is FieldKind.Text or FieldKind.UncheckedText or FieldKind.Id) is { } big)
        {
            yield return Set($"5 MB string in {big.Path}", big.Path, FiveMegabytes);
        }

        foreach (var field in target.Fields)
        {
            foreach (var bad in ForField(field))
            {
                yield return bad;
            }
        }
    }

    private static IEnumerable<BadInputCase> ForField(BodyField field)
    {
        var path = field.Path;
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.UncheckedText:
                foreach (var (name, value, validated) in RefusedText)
                {
                    yield return Set($"{name} in {path}", path, value) with { ErrorField = validated ? path : null };
                }

                foreach (var (name, value) in WrongTypesForText)
                {
                    yield return Set($"{name} in {path}", path, value);
                }

                if (field.Kind == FieldKind.Text)
                {
                    yield return Set($"null for {path}", path, (JsonNode?)null);
                    foreach (var (name, value) in PrintableNaughty)
                    {
                        yield return Set($"{name} in {path}", path, value) with { AcceptedIfStoredExactly = (field, value) };
                    }
                }

                break;
            case FieldKind.Id:
                foreach (var (name, value) in new[] { ("SQL injection", "'; DROP TABLE --"), ("script tag", "<script>"), ("emoji", "🏠"), ("upper case", "ABC"), ("empty", ""), ("NUL", "a\u0000") })
                {
                    yield return Set($"{name} as {path}", path, value);
                }

                yield return Set($"number for {path}", path, 42);
                break;
            case FieldKind.Number:
                yield return Set($"string for {path}", path, "abc");
                yield return Set($"NaN for {path}", path, "NaN");
                yield return Set($"object for {path}", path, new JsonObject());
                yield return new($"1e400 for {path}", (d, t) => Serialize(BadInputTarget.With(t.ValidBody(d), path, "\u0001big\u0001")).Replace("\"\\u0001big\\u0001\"", "1e400", StringComparison.Ordinal));
                break;
            case FieldKind.Enum:
                yield return Set($"unknown name for {path}", path, "bogus") with { ErrorField = path };
                yield return Set($"upper case for {path}", path, "ORANGE");
                yield return Set($"number for {path}", path, 1);
                yield return Set($"empty {path}", path, "");
                break;
            case FieldKind.Array:
                yield return Set($"object for {path}", path, new JsonObject());
                yield return Set($"string for {path}", path, "x");
                break;
            case FieldKind.Point:
                yield return Set($"latitude 91 in {path}", path, new JsonObject { ["latitude"] = 91, ["longitude"] = 121.1 });
                yield return Set($"longitude 181 in {path}", path, new JsonObject { ["latitude"] = 27.7, ["longitude"] = 181 });
                yield return Set($"NaN latitude in {path}", path, new JsonObject { ["latitude"] = "NaN", ["longitude"] = 121.1 });
                yield return Set($"array for {path}", path, new JsonArray(121.1, 27.7));
                break;
            case FieldKind.Polygon:
                yield return Set($"open ring in {path}", path, Polygon([121.1, 27.7], [121.2, 27.7], [121.2, 27.8], [121.1, 27.8]));
                yield return Set($"three points in {path}", path, Polygon([121.1, 27.7], [121.2, 27.7], [121.1, 27.7]));
                yield return Set($"latitude 91 in {path}", path, Polygon([121.1, 91], [121.2, 27.7], [121.2, 27.8], [121.1, 91]));
                yield return Set($"longitude 181 in {path}", path, Polygon([181, 27.7], [121.2, 27.7], [121.2, 27.8], [181, 27.7]));
                yield return Set($"position of one number in {path}", path, Polygon([121.1], [121.2, 27.7], [121.2, 27.8], [121.1]));
                yield return Set($"point instead of polygon in {path}", path, new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(121.1, 27.7) });
                yield return Set($"coordinates as a string in {path}", path, new JsonObject { ["type"] = "Polygon", ["coordinates"] = "x" });
                break;
        }
    }

    private static BadInputCase Set(string name, string path, JsonNode? value) =>
        new(name, (d, t) => Serialize(BadInputTarget.With(t.ValidBody(d), path, value?.DeepClone())));

    private static BadInputCase Set(string name, string path, string value) =>
        new(name, (d, t) => Serialize(BadInputTarget.With(t.ValidBody(d), path, JsonValue.Create(value))));

    private static JsonObject Polygon(params double[][] ring) =>
        new() { ["type"] = "Polygon", ["coordinates"] = new JsonArray(new JsonArray([.. ring.Select(p => new JsonArray([.. p.Select(c => (JsonNode?)c)]))])) };

    /// <summary>Serializes escaping everything outside ASCII, then puts in the lone surrogate that only raw JSON can carry.</summary>
    private static string Serialize(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace(JsonSerializer.Serialize(LoneSurrogate)[1..^1], "\\ud800", StringComparison.Ordinal);
}
