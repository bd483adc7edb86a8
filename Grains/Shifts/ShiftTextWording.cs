using System.Globalization;
using Lianxin.Kiosks;

namespace Lianxin.Shifts;

/// <summary>The wording of a rota's texts, at the center's local time. Names no person: the text goes to their own phone.</summary>
public static class ShiftTextWording
{
    public static string Of(ShiftText text, LocalCalendar calendar)
    {
        var when = string.Create(CultureInfo.InvariantCulture,
            $"{calendar.ToLocal(text.StartsAt):M月d日 HH:mm}-{calendar.ToLocal(text.EndsAt):HH:mm}");
        return text.Kind switch
        {
            ShiftTextKind.Reminder => $"【连心】值班提醒：您报名的「{text.Title}」{when}即将开始，请准时到岗。",
            ShiftTextKind.Invitation => $"【连心】「{text.Title}」{when}人手不足，您的空闲时间合适，欢迎在志愿者页面报名。",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"【连心】值班人手不足：「{text.Title}」{when}已报名 {text.Taken} 人，至少需要 {text.MinPeople} 人。"),
        };
    }

    /// <summary>The gateway's name of the kind (the message's <c>kind</c>).</summary>
    public static string Kind(ShiftTextKind kind) => kind switch
    {
        ShiftTextKind.Reminder => "shiftReminder",
        ShiftTextKind.Invitation => "shiftInvitation",
        _ => "shiftShortOfPeople",
    };
}
