using System.Security.Cryptography;
using System.Text;
using Lianxin.Kiosks;
using Lianxin.Sms;
using Lianxin.Volunteers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Shifts;

/// <summary>
/// Sends a rota's texts (see <see cref="IShiftTextGrain"/>). Stateless and reentrant: the gateway's retries and
/// timeouts run here, in as many activations as there are batches in flight, never in the rota's turn. A text is done
/// when a gateway took it or when there is nobody to send it to (no phone, no gateway); a refused one is left to the
/// rota's next tick. Logs name the center and the text's id, never the number.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed partial class ShiftTextGrain(ISmsSender sms, IOptions<KioskOptions> kioskOptions, ILogger<ShiftTextGrain> logger)
    : Grain, IShiftTextGrain
{
    private readonly LocalCalendar _calendar = new(kioskOptions.Value.Zone);

    public async Task SendAsync(string centerId, IReadOnlyList<ShiftText> texts, string? staffPhone)
    {
        var done = await Task.WhenAll(texts.Select(async text => await SendOneAsync(centerId, text, staffPhone) ? text.Id : null));
        var ids = done.OfType<string>().ToList();
        if (ids.Count > 0)
        {
            await GrainFactory.GetGrain<IShiftRotaGrain>(centerId).TextsDoneAsync(ids);
        }
    }

    /// <summary>True when the text needs no more sending.</summary>
    private async Task<bool> SendOneAsync(string centerId, ShiftText text, string? staffPhone)
    {
        try
        {
            var phone = text.PersonId is null ? staffPhone
                : (await GrainFactory.GetGrain<IVolunteerGrain>(text.PersonId).GetAsync())?.Profile.Phone;
            if (string.IsNullOrWhiteSpace(phone) || !sms.HasGateway)
            {
                return true;
            }

            if (await sms.SendAsync(new SmsText(ShiftTextWording.Kind(text.Kind), ShiftTextWording.Of(text, _calendar), phone, Key(centerId, text)), CancellationToken.None))
            {
                return true;
            }

            LogNotSent(centerId, text.Id);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(e, centerId, text.Id);
            return false;
        }
    }

    /// <summary>The same text has the same key however often and from wherever it is sent; it names no person to the gateway.</summary>
    private static string Key(string centerId, ShiftText text) =>
        "shift:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{centerId}\n{text.Id}"))[..16]).ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId}: no SMS gateway took text {TextId}; it is sent again later")]
    private partial void LogNotSent(string centerId, string textId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Center {CenterId}: text {TextId} could not be sent; it is sent again later")]
    private partial void LogFailed(Exception exception, string centerId, string textId);
}
