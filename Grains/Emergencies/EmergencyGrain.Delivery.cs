using System.Security.Cryptography;
using System.Text;
using Lianxin.Live;
using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>
/// Messages: numbering them and delivering them. In-app delivery is a journal row per batch (the emergency keeps
/// every person's messages, so no person's actor is touched) plus a push to the pages open now; then each person's
/// first outbound channel. Whoever has not answered within the window is tried on their next channel, and a batch
/// every gateway refused is sent again after a pause (<see cref="ChannelLadder"/>).
/// </summary>
internal sealed partial class EmergencyGrain
{
    private MessageEvent NewMessage(
        EmergencyLedger ledger, AlertKind kind, int recipients, EmergencyLevel? level = null, PostDefinition? post = null,
        string? to = null, int round = 0, string? text = null)
    {
        var launch = ledger.Definition.Launch;
        var at = level ?? ledger.Level;
        var instruction = kind == AlertKind.Alert ? AlertTexts.Prefix(launch.Mode) + AlertTexts.Fill(launch.Templates.Instruction, launch.Name, at, null) : null;
        return new MessageEvent(
            ledger.NextSequence(), ledger.NextMessageNumber(), kind, Now, at, AlertTexts.Headline(launch, at),
            text ?? AlertTexts.Text(launch, kind, at, post?.Name), instruction, recipients, post?.Id, to, round);
    }

    private List<string> Everyone() => [.. _ledger!.RollCall.People.Select(p => p.VolunteerId)];

    private TimeSpan ChannelWindow => _ledger!.Definition.Launch.Timers.ChannelWindow ?? Options.ChannelWindow;

    /// <summary>
    /// Delivers a message to people, <see cref="EmergencyOptions.BatchesInFlight"/> batches at a time: on their
    /// pages first (durable), then on their first outbound channel. A message to everyone is marked done at the
    /// end, so an interrupted fan-out resumes with whoever is left.
    /// </summary>
    private async Task DeliverAsync(MessageEvent message, IReadOnlyList<string> recipients)
    {
        var ledger = _ledger!;
        PushToOpenPagesAsync(ledger, message, recipients).Ignore();
        await ForEachBatchAsync(recipients, async chunk =>
        {
            await AppendAsync([Event(EmergencyEvents.Delivered, new DeliveredEvent(ledger.NextSequence(), message.Number, Now, chunk))]);
            await DispatchAsync(message, chunk, step: 0);
        });

        if (EmergencyLedger.IsBroadcast(message.Kind))
        {
            await AppendAsync([Event(EmergencyEvents.FanOutDone, new FanOutDoneEvent(ledger.NextSequence(), message.Number, Now, recipients.Count))]);
        }
    }

    /// <summary>Sends a message to people on the channel at their step (those without one are done), channel by channel.</summary>
    private async Task DispatchAsync(MessageEvent message, IReadOnlyList<string> people, int step)
    {
        var ledger = _ledger!;
        var fanOut = GrainFactory.GetGrain<IAlertFanOutGrain>(0);
        var byChannel = people
            .Select(v => (VolunteerId: v, Channel: ledger.ChannelAt(v, step)))
            .Where(p => p.Channel is not null)
            .GroupBy(p => p.Channel!.Value);
        foreach (var group in byChannel)
        {
            foreach (var chunk in group.Select(p => p.VolunteerId).Chunk(Math.Max(1, Options.BatchSize)))
            {
                var batch = new AlertBatch(Guid.NewGuid(), ledger.ToAlert(message, null), [.. chunk.Select(v => Recipient(ledger, v))], group.Key,
                    IdempotencyKey(message.Number, group.Key, chunk));
                var outcome = await fanOut.DeliverAsync(batch);
                var entries = new List<PendingEvent>
                {
                    Event(EmergencyEvents.Dispatched, new DispatchedEvent(ledger.NextSequence(), message.Number, group.Key, step, Now, chunk, outcome.Accepted)),
                };
                if (outcome.Attempts.Count > 0)
                {
                    entries.Add(Event(EmergencyEvents.Attempts, new AttemptsEvent(ledger.NextSequence(), outcome.Attempts)));
                }

                await AppendAsync(entries);
            }
        }
    }

    private static AlertRecipient Recipient(EmergencyLedger ledger, string volunteerId)
    {
        var contact = ledger.Contact(volunteerId);
        return new AlertRecipient(volunteerId, ledger.RollCall.Find(volunteerId)?.Token, contact?.Name ?? "", contact?.Phone ?? "");
    }

    /// <summary>The same batch (message, channel, people) has the same key however often it is sent.</summary>
    private string IdempotencyKey(int number, AlertChannel channel, IEnumerable<string> people)
    {
        var text = $"{Id}\n{number}\n{channel}\n{string.Join('\n', people)}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]).ToLowerInvariant();
    }

    private async Task ForEachBatchAsync(IReadOnlyList<string> people, Func<string[], Task> work)
    {
        using var throttle = new SemaphoreSlim(Math.Max(1, Options.BatchesInFlight));
        await Task.WhenAll(people.Chunk(Math.Max(1, Options.BatchSize)).Select(async chunk =>
        {
            await throttle.WaitAsync();
            try
            {
                await work(chunk);
            }
            finally
            {
                throttle.Release();
            }
        }));
    }

    /// <summary>Only pages that are open get a push (without the reply token: the page answers as its signed-in person).</summary>
    private async Task PushToOpenPagesAsync(EmergencyLedger ledger, MessageEvent message, IReadOnlyList<string> recipients)
    {
        var open = await GrainFactory.GetGrain<IOpenPagesGrain>(0).GetOpenAsync();
        if (open.Count == 0)
        {
            return;
        }

        var wanted = recipients.Count < open.Count ? recipients.ToHashSet(StringComparer.Ordinal) : null;
        var alert = ledger.ToAlert(message, null);
        var key = $"{(message.Kind == AlertKind.Escalation ? "escalation" : "alert")}:{Id}";
        foreach (var volunteerId in wanted is null ? open.Intersect(recipients, StringComparer.Ordinal) : open.Where(wanted.Contains))
        {
            LiveFeeds.Publish(GrainFactory, LiveScope.Volunteer(volunteerId), key, alert);
        }
    }

    /// <summary>The next channel for whoever has not answered in time, and refused batches again.</summary>
    private async Task AdvanceChannelsAsync(EmergencyLedger ledger)
    {
        var due = ledger.Channels.Due(Now, ledger.ChannelRules(ChannelWindow, Options.RetryRefusedAfter));
        foreach (var group in due.GroupBy(d => (d.Number, d.Step)))
        {
            if (ledger.Message(group.Key.Number) is { } message)
            {
                await DispatchAsync(message, [.. group.Select(d => d.VolunteerId)], group.Key.Step);
            }
        }
    }

    private DateTimeOffset? NextChannelDue(EmergencyLedger ledger) =>
        ledger.Channels.NextDue(ledger.ChannelRules(ChannelWindow, Options.RetryRefusedAfter));

    /// <summary>
    /// After a restart: finish any interrupted message to everyone (pages, then the first channel of those the
    /// interruption left without one), settle the reserves if the launch was cut short, fill the posts. Pages need
    /// nothing: they read the emergency.
    /// </summary>
    private async Task ResumeAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        foreach (var (message, delivered) in ledger.UnfinishedFanOuts.ToList())
        {
            var undispatched = delivered.Where(v => !ledger.Channels.Tracked(message.Number, v)).ToList();
            await ForEachBatchAsync(undispatched, chunk => DispatchAsync(message, chunk, step: 0));
            await DeliverAsync(message, [.. Everyone().Where(v => !delivered.Contains(v))]);
        }

        await SettleReservesAsync();
        await FillPostsAsync();
        await AdvanceChannelsAsync(ledger);
    }

    /// <summary>What this emergency holds for one person's page.</summary>
    public Task<PersonAlerts?> GetAlertsForAsync(string volunteerId) => Task.FromResult(Launched?.AlertsFor(volunteerId));
}
