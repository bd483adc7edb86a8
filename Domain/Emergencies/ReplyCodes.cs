namespace Lianxin.Emergencies;

/// <summary>
/// Digits for answers by SMS or a keypad ("回复 1 收到"): older members answer with a digit rather than a word.
/// </summary>
public static class ReplyCodes
{
    private static readonly (string Code, RollCallStatus Status)[] Codes =
    [
        ("1", RollCallStatus.Acknowledged),
        ("2", RollCallStatus.EnRoute),
        ("3", RollCallStatus.AtPost),
        ("4", RollCallStatus.Unavailable),
        ("5", RollCallStatus.NeedHelp),
    ];

    /// <summary>The hint every message that expects an answer ends with.</summary>
    public const string Hint = "回复1收到、2在路上、3已到岗、4无法前往、5需要帮助";

    /// <summary>The status a digit stands for; false for anything else.</summary>
    public static bool TryParse(string? text, out RollCallStatus status)
    {
        var trimmed = text?.Trim();
        foreach (var (code, value) in Codes)
        {
            if (trimmed == code)
            {
                status = value;
                return true;
            }
        }

        status = default;
        return false;
    }
}
