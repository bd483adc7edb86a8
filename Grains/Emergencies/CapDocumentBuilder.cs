using System.Globalization;
using System.Xml.Linq;

namespace Lianxin.Emergencies;

/// <summary>
/// Writes an emergency's messages as OASIS CAP 1.2 documents. Every document of one emergency shares its
/// <c>incidents</c> value, and each Update or Cancel references every earlier document of the chain.
/// </summary>
internal static class CapDocumentBuilder
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    public static IReadOnlyList<CapDocument> BuildChain(
        EmergencyDefinition definition, IReadOnlyList<CapMessage> messages, IReadOnlyList<string> gridIds, string sender, TimeSpan offset)
    {
        var documents = new List<CapDocument>();
        var references = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var identifier = $"lianxin.{definition.Id}.{i + 1}";
            var sent = CapMapping.Time(message.Sent, offset);
            var xml = Build(definition, message, identifier, sender, sent, references, gridIds);
            documents.Add(new CapDocument(i + 1, identifier, CapMapping.MsgType(message.Kind), message.Sent, xml.Declaration + Environment.NewLine + xml.ToString()));
            references.Add($"{sender},{identifier},{sent}");
        }

        return documents;
    }

    public static XDocument Build(
        EmergencyDefinition definition, CapMessage message, string identifier, string sender, string sent,
        IReadOnlyList<string> references, IReadOnlyList<string> gridIds)
    {
        var launch = definition.Launch;
        var (urgency, severity, certainty) = CapMapping.Grade(message.Level);
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", identifier),
            new XElement(Cap + "sender", sender),
            new XElement(Cap + "sent", sent),
            new XElement(Cap + "status", CapMapping.Status(launch.Mode)),
            new XElement(Cap + "msgType", CapMapping.MsgType(message.Kind)),
            new XElement(Cap + "scope", "Restricted"),
            new XElement(Cap + "restriction", "仅限被动员的党员志愿者与指挥人员"),
            CapMapping.Note(launch.Mode) is { } note ? new XElement(Cap + "note", note) : null,
            references.Count > 0 ? new XElement(Cap + "references", string.Join(' ', references)) : null,
            new XElement(Cap + "incidents", definition.Id),
            new XElement(Cap + "info",
                new XElement(Cap + "language", "zh-CN"),
                new XElement(Cap + "category", CapMapping.Category(launch.Category)),
                new XElement(Cap + "event", launch.Event),
                new XElement(Cap + "responseType", CapMapping.ResponseType(message.Kind)),
                new XElement(Cap + "urgency", urgency),
                new XElement(Cap + "severity", severity),
                new XElement(Cap + "certainty", certainty),
                new XElement(Cap + "headline", message.Headline),
                new XElement(Cap + "description", message.Description),
                message.Instruction is { Length: > 0 } instruction ? new XElement(Cap + "instruction", instruction) : null,
                Parameter("level", AlertTexts.LevelName(message.Level)),
                Parameter("approver", launch.LaunchedBy),
                Area(launch.Scope, gridIds)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), alert);
    }

    private static XElement Parameter(string name, string value) =>
        new(Cap + "parameter", new XElement(Cap + "valueName", name), new XElement(Cap + "value", value));

    private static XElement Area(EmergencyScope scope, IReadOnlyList<string> gridIds)
    {
        var area = new XElement(Cap + "area", new XElement(Cap + "areaDesc", AreaDescription(scope, gridIds.Count)));
        if (scope.Polygon is { } polygon)
        {
            area.Add(new XElement(Cap + "polygon", string.Join(' ', polygon.Ring.Select(p => $"{F(p.Latitude)},{F(p.Longitude)}"))));
        }

        if (scope.Circle is { } circle)
        {
            area.Add(new XElement(Cap + "circle", $"{F(circle.Center.Latitude)},{F(circle.Center.Longitude)} {F(circle.RadiusMeters / 1000)}"));
        }

        foreach (var gridId in gridIds)
        {
            area.Add(new XElement(Cap + "geocode", new XElement(Cap + "valueName", "lianxin:grid"), new XElement(Cap + "value", gridId)));
        }

        return area;
    }

    private static string AreaDescription(EmergencyScope scope, int grids) => scope.Kind switch
    {
        ScopeKind.Grids => $"网格：{string.Join("、", scope.Ids)}",
        ScopeKind.Centers or ScopeKind.Region => $"{string.Join("、", scope.Ids)} 及下辖区域（{grids}个网格）",
        ScopeKind.Polygon => $"指定多边形区域（{grids}个网格）",
        ScopeKind.Teams => $"志愿服务队：{string.Join("、", scope.Ids)}（队员分布于{grids}个网格）",
        _ => $"指定圆形区域，半径{F(scope.Circle?.RadiusMeters ?? 0)}米（{grids}个网格）",
    };

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
