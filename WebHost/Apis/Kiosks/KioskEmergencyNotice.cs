using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Kiosks;

/// <summary>
/// The emergency a kiosk's center is in, carried by the answers to its heartbeats and batches: while present the
/// kiosk shows it full screen (mode <c>exercise</c> or <c>test</c> says 演练 or 测试); when it is absent again the
/// emergency has ended or was cancelled and the kiosk returns to its normal screens.
/// </summary>
public sealed record KioskEmergencyNotice(
    string EmergencyId, EmergencyMode Mode, EmergencyLevel Level, string Headline, string Instruction, string? MusterPoint, DateTimeOffset Since);
