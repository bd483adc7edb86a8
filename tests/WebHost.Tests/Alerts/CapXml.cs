namespace Lianxin.WebHost.Tests.Alerts;

/// <summary>CAP 1.2 documents as a weather bureau sends them.</summary>
internal static class CapXml
{
    public const string Sender = "bureau@weather.example";

    public static string Alert(
        string identifier, string @event = "台风红色预警", string severity = "Extreme", string urgency = "Immediate", string status = "Actual",
        string msgType = "Alert", string? references = null, string? polygon = null, string description = "台风“海葵”将于今夜登陆") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>{identifier}</identifier>
          <sender>{Sender}</sender>
          <sent>2026-07-01T08:00:00+08:00</sent>
          <status>{status}</status>
          <msgType>{msgType}</msgType>
          <scope>Public</scope>
          {(references is null ? "" : $"<references>{references}</references>")}
          <info>
            <language>zh-CN</language>
            <category>Met</category>
            <event>{@event}</event>
            <urgency>{urgency}</urgency>
            <severity>{severity}</severity>
            <certainty>Likely</certainty>
            <headline>{@event}</headline>
            <description>{description}</description>
            <area>
              <areaDesc>连岛区</areaDesc>
              {(polygon is null ? "" : $"<polygon>{polygon}</polygon>")}
            </area>
          </info>
        </alert>
        """;

    /// <summary>A ring over grid a of the test district (27.70–27.71 N, 121.10–121.11 E), as CAP "lat,lon" pairs.</summary>
    public const string OverGridA = "27.701,121.101 27.701,121.109 27.709,121.109 27.709,121.101 27.701,121.101";

    /// <summary>A ring far from every grid of the test district.</summary>
    public const string FarAway = "30.0,120.0 30.0,120.1 30.1,120.1 30.1,120.0 30.0,120.0";

    public static string Reference(string identifier) => $"{Sender},{identifier},2026-07-01T08:00:00+08:00";
}
