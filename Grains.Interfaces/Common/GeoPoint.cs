namespace Lianxin.Common;

/// <summary>A WGS84 position.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    /// <summary>True when both coordinates are finite and within WGS84 bounds.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsValid =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
