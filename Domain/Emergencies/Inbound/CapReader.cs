using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// Reads an inbound CAP 1.2 document: validated against the OASIS schema the product ships as an embedded resource
/// (no DTDs, no external resolution), then the parts rules and follow-ups use. Anything invalid is refused whole
/// with the reasons.
/// </summary>
public static class CapReader
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly XNamespace Cap = Namespace;
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchema);

    /// <summary>The schema set, compiled once per process.</summary>
    public static XmlSchemaSet Schema => Schemas.Value;

    /// <summary>The warning, or null with the reasons it was refused.</summary>
    public static (InboundAlert? Alert, IReadOnlyList<string> Errors) Read(string xml, string sourceId)
    {
        var errors = new List<string>();
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                ValidationType = ValidationType.Schema,
                Schemas = Schema,
            };
            settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return (null, [$"Not well-formed XML: {e.Message}"]);
        }

        if (document.Root?.Name != Cap + "alert")
        {
            errors.Add($"The root element must be <alert> in the namespace {Namespace}.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var alert = document.Root!;
        var info = alert.Elements(Cap + "info").FirstOrDefault(i => (string?)i.Element(Cap + "language") is "zh-CN" or "zh")
            ?? alert.Elements(Cap + "info").FirstOrDefault();
        if (info is null && (string?)alert.Element(Cap + "msgType") is "Alert" or "Update")
        {
            return (null, ["An Alert or Update needs an <info> block: its event, urgency and severity are what rules match."]);
        }

        var areas = info?.Elements(Cap + "area").ToList() ?? [];
        var polygons = new List<GeoPolygon>();
        var circles = new List<GeoCircle>();
        foreach (var text in areas.Elements(Cap + "polygon").Select(p => p.Value))
        {
            if (Polygon(text) is { } polygon)
            {
                polygons.Add(polygon);
            }
            else
            {
                errors.Add($"Polygon '{Short(text)}' is not a closed ring of at least 4 \"lat,lon\" pairs.");
            }
        }

        foreach (var text in areas.Elements(Cap + "circle").Select(c => c.Value))
        {
            if (Circle(text) is { } circle)
            {
                circles.Add(circle);
            }
            else
            {
                errors.Add($"Circle '{Short(text)}' is not \"lat,lon radiusKm\".");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var grids = areas.Elements(Cap + "geocode")
            .Where(g => (string?)g.Element(Cap + "valueName") == "lianxin:grid")
            .Select(g => ((string?)g.Element(Cap + "value"))?.Trim() ?? "")
            .Where(v => v.Length > 0)
            .ToList();
        var references = ((string?)alert.Element(Cap + "references") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(','))
            .Where(r => r.Length >= 2)
            .Select(r => InboundAlert.KeyOf(r[0], r[1]))
            .ToList();
        return (new InboundAlert(
            sourceId,
            (string)alert.Element(Cap + "sender")!,
            (string)alert.Element(Cap + "identifier")!,
            DateTimeOffset.Parse((string)alert.Element(Cap + "sent")!, CultureInfo.InvariantCulture),
            (string)alert.Element(Cap + "status")!,
            (string)alert.Element(Cap + "msgType")!,
            references,
            (string?)info?.Element(Cap + "event") ?? "",
            Enum.TryParse<CapUrgency>((string?)info?.Element(Cap + "urgency"), out var urgency) ? urgency : CapUrgency.Unknown,
            Enum.TryParse<CapSeverity>((string?)info?.Element(Cap + "severity"), out var severity) ? severity : CapSeverity.Unknown,
            (string?)info?.Element(Cap + "headline"),
            (string?)info?.Element(Cap + "description"),
            (string?)info?.Element(Cap + "instruction"),
            polygons,
            circles,
            grids), []);
    }

    private static GeoPolygon? Polygon(string text)
    {
        var points = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Point).ToList();
        return points.Count >= 4 && points.All(p => p is { IsValid: true }) && points[0] == points[^1]
            ? new GeoPolygon([.. points.OfType<GeoPoint>()])
            : null;
    }

    private static GeoCircle? Circle(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && Point(parts[0]) is { IsValid: true } center
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km >= 0 && double.IsFinite(km)
            ? new GeoCircle(center, km * 1000)
            : null;
    }

    private static GeoPoint? Point(string pair)
    {
        var parts = pair.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            ? new GeoPoint(lat, lon)
            : null;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static XmlSchemaSet LoadSchema()
    {
        using var stream = typeof(CapReader).Assembly.GetManifestResourceStream("Lianxin.CAP-v1.2.xsd")
            ?? throw new InvalidOperationException("The embedded CAP 1.2 schema is missing from the build.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    }
}
