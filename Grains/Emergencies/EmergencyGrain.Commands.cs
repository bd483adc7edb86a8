using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>Level changes, end and cancel: durable first, then told to everyone in the background.</summary>
internal sealed partial class EmergencyGrain
{
    public async Task<CommandResult> ChangeLevelAsync(LevelChange change)
    {
        CommandResult? result = null;
        await RunControlledAsync(async () =>
        {
            if (CheckRunning() is { } refusal)
            {
                result = refusal;
                return;
            }

            var ledger = _ledger!;
            if (ledger.Level == change.Level)
            {
                result = new CommandResult(CommandOutcome.NoChange, $"The level is {change.Level.ToString().ToLowerInvariant()} already.", ledger.View(), ledger.LevelSetAt);
                return;
            }

            var level = new LevelEvent(ledger.NextSequence(), ledger.Level, change.Level, Now, change.By, change.Comment);
            var update = NewMessage(ledger, AlertKind.Update, ledger.RollCall.Count, level: change.Level);
            await AppendAsync([Event(EmergencyEvents.Level, level), Event(EmergencyEvents.Message, update)]);
            await UpdateDirectoryAsync(ledger);
            QueueControlled(() => DeliverAsync(update, Everyone()), "level update");
            result = new CommandResult(CommandOutcome.Done, null, ledger.View(), level.Sequence);
        });
        return result!;
    }

    public Task<CommandResult> EndAsync(CloseCommand command) => CloseAsync(command, EmergencyPhase.Ended);

    public Task<CommandResult> CancelAsync(CloseCommand command) => CloseAsync(command, EmergencyPhase.Cancelled);

    private async Task<CommandResult> CloseAsync(CloseCommand command, EmergencyPhase phase)
    {
        CommandResult? result = null;
        await RunControlledAsync(async () =>
        {
            if (CheckRunning() is { } refusal)
            {
                // A retried close finds it done: the answer names the close, so it is audited once, and the directory is repaired.
                if (Launched is { } done && done.Phase == phase)
                {
                    await UpdateDirectoryAsync(done);
                    refusal = refusal with { Sequence = done.ClosedSequence };
                }

                result = refusal;
                return;
            }

            var ledger = _ledger!;
            var closed = new ClosedEvent(ledger.NextSequence(), phase, Now, command.By, command.Comment);
            // The reason of a cancel is what everyone is told: it goes into the stand-down text and so the CAP Cancel.
            var message = phase == EmergencyPhase.Cancelled
                ? NewMessage(ledger, AlertKind.Cancel, ledger.RollCall.Count, text: AlertTexts.Cancel(ledger.Definition.Launch, ledger.Level, command.Comment))
                : NewMessage(ledger, AlertKind.End, ledger.RollCall.Count);
            await AppendAsync([Event(EmergencyEvents.Closed, closed), Event(EmergencyEvents.Message, message)]);
            await UpdateDirectoryAsync(ledger);
            await StopScheduleAsync();
            foreach (var person in ledger.RollCall.People.Where(p => p.Status == RollCallStatus.AtPost))
            {
                GrainFactory.GetGrain<IVolunteerGrain>(person.VolunteerId).StandDownAsync(Id).Ignore();
            }

            QueueControlled(() => DeliverAsync(message, Everyone()), phase == EmergencyPhase.Cancelled ? "stand-down" : "end");
            result = new CommandResult(CommandOutcome.Done, null, ledger.View(), closed.Sequence);
        });
        return result!;
    }

    private CommandResult? CheckRunning() => Launched switch
    {
        null => new CommandResult(CommandOutcome.NotFound, $"Emergency '{Id}' does not exist.", null),
        { IsRunning: false } ledger => new CommandResult(CommandOutcome.Closed, $"Emergency '{Id}' is {ledger.Phase.ToString().ToLowerInvariant()} already.", ledger.View()),
        _ => null,
    };
}
