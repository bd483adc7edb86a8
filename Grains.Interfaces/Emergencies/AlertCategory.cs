namespace Lianxin.Emergencies;

/// <summary>The CAP 1.2 event categories; an emergency's CAP documents carry it.</summary>
public enum AlertCategory
{
    /// <summary>Geophysical, landslides included (CAP <c>Geo</c>).</summary>
    Geo = 0,

    /// <summary>Meteorological, floods included (CAP <c>Met</c>).</summary>
    Met = 1,

    /// <summary>General emergency and public safety (CAP <c>Safety</c>).</summary>
    Safety = 2,

    /// <summary>Law enforcement, military, homeland and local or private security (CAP <c>Security</c>).</summary>
    Security = 3,

    /// <summary>Rescue and recovery (CAP <c>Rescue</c>).</summary>
    Rescue = 4,

    /// <summary>Fire suppression and rescue (CAP <c>Fire</c>).</summary>
    Fire = 5,

    /// <summary>Medical and public health (CAP <c>Health</c>).</summary>
    Health = 6,

    /// <summary>Pollution and other environmental (CAP <c>Env</c>).</summary>
    Env = 7,

    /// <summary>Public and private transportation (CAP <c>Transport</c>).</summary>
    Transport = 8,

    /// <summary>Utility, telecommunication and other non-transport infrastructure (CAP <c>Infra</c>).</summary>
    Infra = 9,

    /// <summary>Chemical, biological, radiological, nuclear or high-yield explosive threat or attack (CAP <c>CBRNE</c>).</summary>
    CBRNE = 10,

    /// <summary>Other events (CAP <c>Other</c>).</summary>
    Other = 11,
}
