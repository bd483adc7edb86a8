namespace Lianxin.Emergencies;

/// <summary>The CAP 1.2 event categories; an emergency's CAP documents carry it.</summary>
public enum AlertCategory
{
    Geo = 0,
    Met = 1,
    Safety = 2,
    Security = 3,
    Rescue = 4,
    Fire = 5,
    Health = 6,
    Env = 7,
    Transport = 8,
    Infra = 9,
    CBRNE = 10,
    Other = 11,
}
