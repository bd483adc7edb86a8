using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lianxin.WebHost.Tests.Security;

/// <summary>What kind of value a field of a request body holds, which decides what bad values it is tried with.</summary>
public enum FieldKind
{
    /// <summary>Free text (a name, a reason): printable naughty strings are valid and must round-trip when read back.</summary>
    Text,
    /// <summary>Free text without a read-back: only the strings every text field must refuse are tried.</summary>
    UncheckedText,
    /// <summary>An id: lower-case letters, digits, dashes; any naughty string is refused.</summary>
    Id,
    Number,
    Enum,
    Array,
    /// <summary>A WGS84 position object {latitude, longitude}.</summary>
    Point,
    /// <summary>A GeoJSON Polygon object.</summary>
    Polygon,
}

/// <summary>A field of a request body by its JSON path (<c>staff[0].name</c>), and for text how to read back what was stored.</summary>
public sealed record BodyField(string Path, FieldKind Kind, Func<SecurityDistrict, Task<string?>>? ReadBack = null);

/// <summary>
/// A write endpoint of the bad-input corpus: its matrix row (path, valid body, what to read back) and the caller with
/// full rights over the target, so that every refusal is about the input.
/// </summary>
public sealed record BadInputTarget(EndpointRow Row, CallerSpec Caller, params BodyField[] Fields)
{
    public JsonNode ValidBody(SecurityDistrict d) => JsonSerializer.SerializeToNode(Row.Body!(d), JsonSerializerOptions.Web)!;

    /// <summary>Sets the value at a path such as <c>staff[0].name</c> or <c>events[0].type</c> (creating objects on the way).</summary>
    public static JsonNode With(JsonNode root, string path, JsonNode? value)
    {
        var segments = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var node = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            if (segment.StartsWith('['))
            {
                var index = int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                var array = node.AsArray();
                if (last)
                {
                    array[index] = value;
                }
                else
                {
                    node = array[index]!;
                }
            }
            else if (last)
            {
                node.AsObject()[segment] = value;
            }
            else
            {
                var obj = node.AsObject();
                node = obj[segment] ??= new JsonObject();
            }
        }

        return root;
    }
}
