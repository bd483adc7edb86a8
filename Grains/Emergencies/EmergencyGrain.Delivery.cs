namespace Lianxin.Emergencies;

/// <summary>Messages: numbering them, and delivering them batch by batch with every delivery recorded.</summary>
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

    /// <summary>
    /// Delivers a message to people, <see cref="EmergencyOptions.BatchesInFlight"/> batches at a time. Each batch's
    /// in-app deliveries and gateway attempts are journaled as it completes; a message to everyone is marked done at
    /// the end, so an interrupted fan-out resumes with whoever is left. Unrecorded deliveries only refresh pages.
    /// </summary>
    private async Task<IReadOnlyList<AlertReceipt>> DeliverAsync(MessageEvent message, IReadOnlyList<string> recipients, bool outbound, bool record = true)
    {
        var ledger = _ledger!;
        var launch = ledger.Definition.Launch;
        var template = new VolunteerAlert(Id, message.Number, message.Kind, launch.Mode, message.Level, message.Headline, message.Text, null, message.PostId, message.At);
        var fanOut = GrainFactory.GetGrain<IAlertFanOutGrain>(0);
        using var throttle = new SemaphoreSlim(Math.Max(1, Options.BatchesInFlight));

        var batches = recipients.Chunk(Math.Max(1, Options.BatchSize)).Select(async chunk =>
        {
            await throttle.WaitAsync();
            try
            {
                var batch = new AlertBatch(Guid.NewGuid(), template, [.. chunk.Select(v => new AlertRecipient(v, ledger.RollCall.Find(v)?.Token))], outbound);
                var outcome = await fanOut.DeliverAsync(batch);
                if (record)
                {
                    var entries = new List<PendingEvent>
                    {
                        Event(EmergencyEvents.Delivered, new DeliveredEvent(ledger.NextSequence(), message.Number, Now, [.. outcome.Receipts.Select(r => r.VolunteerId)])),
                    };
                    if (outcome.Attempts.Count > 0)
                    {
                        entries.Add(Event(EmergencyEvents.Attempts, new AttemptsEvent(ledger.NextSequence(), outcome.Attempts)));
                    }

                    await AppendAsync(entries);
                }

                return outcome.Receipts;
            }
            finally
            {
                throttle.Release();
            }
        }).ToList();

        var receipts = (await Task.WhenAll(batches)).SelectMany(r => r).ToList();
        if (record && EmergencyLedger.IsBroadcast(message.Kind))
        {
            await AppendAsync([Event(EmergencyEvents.FanOutDone, new FanOutDoneEvent(ledger.NextSequence(), message.Number, Now, receipts.Count))]);
        }

        return receipts;
    }

    /// <summary>
    /// After a restart: finish any interrupted message to everyone, show the latest message again on every page
    /// (people's actors forgot it with the restart), settle the reserves if the launch was cut short, fill the posts.
    /// </summary>
    private async Task ResumeAsync()
    {
        if (Launched is not { IsRunning: true } ledger)
        {
            return;
        }

        foreach (var (message, delivered) in ledger.UnfinishedFanOuts.ToList())
        {
            await DeliverAsync(message, [.. Everyone().Where(v => !delivered.Contains(v))], outbound: true);
        }

        IReadOnlyList<AlertReceipt> receipts = [];
        if (ledger.LatestBroadcast is { } latest)
        {
            var stillMobilized = ledger.RollCall.People.Where(p => p.Status != RollCallStatus.Unavailable).Select(p => p.VolunteerId).ToList();
            receipts = await DeliverAsync(latest, stillMobilized, outbound: false, record: false);
        }

        await SettleReservesAsync(receipts);
        await FillPostsAsync();
    }
}
