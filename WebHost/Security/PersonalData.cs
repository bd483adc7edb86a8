using System.Text.RegularExpressions;

namespace Lianxin.WebHost.Security;

/// <summary>
/// Masks phone and ID-card numbers for the screens and payloads of people who do not need them whole: the first
/// three and last four characters stay, enough to tell two people apart and to confirm a number read out on the phone.
/// </summary>
public static partial class PersonalData
{
    private const int Kept = 7;

    /// <summary><c>13812345678</c> → <c>138****5678</c>.</summary>
    public static string MaskPhone(string phone) => Mask(phone);

    /// <summary><c>110105199001011234</c> → <c>110***********1234</c>.</summary>
    public static string MaskIdNumber(string idNumber) => Mask(idNumber);

    /// <summary>Whether a value is a mainland mobile number or a resident ID-card number (15 or 18 characters).</summary>
    public static bool LooksPersonal(string value) => MobilePattern().IsMatch(value) || IdCardPattern().IsMatch(value);

    /// <summary>Whether a value is a mainland mobile number (with or without +86).</summary>
    public static bool IsMobile(string value) => MobilePattern().IsMatch(value);

    /// <summary>Whether a value is a resident ID-card number (15 or 18 characters, the last may be X).</summary>
    public static bool IsIdCard(string value) => IdCardPattern().IsMatch(value);

    /// <summary>
    /// A kiosk's person id as a dashboard may show it: masked when the kiosk identified the person by phone or ID card
    /// number (after-hours doors open by ID card), unchanged when it is a registry id.
    /// </summary>
    public static string MaskPersonId(string personId) => LooksPersonal(personId) ? Mask(personId) : personId;

    private static string Mask(string value)
    {
        if (value.Length <= Kept)
        {
            // Too short to keep both ends without giving most of it away.
            return value.Length <= 2 ? new string('*', value.Length) : new string('*', value.Length - 2) + value[^2..];
        }

        return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - Kept), value.AsSpan(value.Length - 4));
    }

    [GeneratedRegex(@"^(\+?86)?1[0-9]{10}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex("^([0-9]{15}|[0-9]{17}[0-9Xx])$")]
    private static partial Regex IdCardPattern();
}
