using System.Globalization;
using Lianxin.Sms;

namespace Lianxin.Residents;

/// <summary>
/// Sends sign-in codes as texts over the deployment's SMS gateways (<see cref="ISmsSender"/>), each with a key of its
/// own: a code sent again is a new code.
/// </summary>
public sealed class SmsSignInCodeSender(ISmsSender sms) : ISignInCodeSender
{
    public bool HasGateway => sms.HasGateway;

    public Task<bool> SendAsync(string phone, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        var text = string.Create(CultureInfo.InvariantCulture, $"【连心】您的登录验证码为 {code}，{minutes} 分钟内有效。请勿告诉他人。");
        return sms.SendAsync(new SmsText("signInCode", text, phone, $"sign-in:{Guid.NewGuid():N}"), cancellationToken);
    }
}
