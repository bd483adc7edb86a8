namespace Lianxin.Emergencies;

/// <summary>One message of the Alert / Update / Cancel chain as it was sent, enough to write its CAP document.</summary>
internal sealed record CapMessage(
    AlertKind Kind,
    DateTimeOffset Sent,
    EmergencyLevel Level,
    string Headline,
    string Description,
    string? Instruction);
