using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lianxin.Emergencies;

/// <summary>
/// One emergency and its live roll-call. Reentrant, so thousands of answers can wait for the journal's group
/// commit at the same time: every method validates and takes its sequence number synchronously, and changes the
/// ledger only after the journal has the event. Launch, commands and scheduled work take turns on its
/// <see cref="ControlLine"/>, so they never interleave with each other.
/// </summary>
[Reentrant]
internal sealed partial class EmergencyGrain(
    [PersistentState(StorageNames.EmergencyState, StorageNames.Default)] IPersistentState<EmergencyState> state,
    IEventJournal journal,
    TimeProvider clock,
    IOptions<EmergencyOptions> options,
    EventFeed.IEventFeed feed,
    ILogger<EmergencyGrain> logger) : Grain, IEmergencyGrain, IRemindable
{
    private const int ReplayPage = 1000;

    private readonly ControlLine _control = new();
    private EmergencyLedger? _ledger;
    private bool _deactivating;

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    private EmergencyOptions Options => options.Value;

    /// <summary>The ledger once the launch is in the journal; before that the emergency does not exist.</summary>
    private EmergencyLedger? Launched => _ledger is { Launched: true } ledger ? ledger : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Definition is not { } definition)
        {
            return;
        }

        _ledger = new EmergencyLedger(definition, state.State.Secret);
        await ReplayAsync(_ledger, cancellationToken);
        LogReplayed(Id, _ledger.LastSequence, _ledger.RollCall.Count);
        if (_ledger.Launched)
        {
            // Repairs the directory after a crash between the launch's journal write and the directory's update.
            await UpdateDirectoryAsync(_ledger);
        }

        if (_ledger.IsRunning)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            ScheduleTick();
            QueueControlled(ResumeAsync, "resume");
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Background work still in flight (a fan-out) finds the activation gone: it must not arm timers any more.
        // What it made durable is in the journal; the next activation resumes the rest.
        _deactivating = true;
        PublishChanges();
        return Task.CompletedTask;
    }

    public Task<EmergencyView?> GetAsync() => Task.FromResult(Launched?.View());

    public Task<RollCallSummary?> GetRollCallAsync() => Task.FromResult(Launched?.Summary(Now));

    public Task<IReadOnlyList<PersonRollCall>> GetPeopleAsync(PeopleFilter filter) =>
        Task.FromResult(Launched?.People(filter) ?? []);

    public Task<PersonRollCall?> GetPersonAsync(string volunteerId) => Task.FromResult(Launched?.Person(volunteerId));

    public Task<IReadOnlyList<CapDocument>> GetCapDocumentsAsync() => Task.FromResult(
        Launched is { } ledger
            ? CapDocumentBuilder.BuildChain(ledger.Definition, ledger.CapMessages(), ledger.RollCall.GridIds, Options.CapSender, Options.CapUtcOffset)
            : []);

    public Task<AfterActionReport?> GetReportAsync() => Task.FromResult(Launched?.Report(Now));

    public Task<IReadOnlyList<DeliveryAttempt>> GetDeliveriesAsync() =>
        Task.FromResult<IReadOnlyList<DeliveryAttempt>>(Launched is { } ledger ? [.. ledger.Attempts] : []);

    /// <summary>Activation does the work: replay, then resume the schedule of a live emergency.</summary>
    public Task WakeAsync() => Task.CompletedTask;

    private async Task ReplayAsync(EmergencyLedger ledger, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await journal.ReadAsync(EmergencyEvents.Stream(Id), after, ReplayPage, cancellationToken);
            foreach (var record in page)
            {
                ledger.Apply(record.Entry);
                after = record.Position;
            }

            if (page.Count < ReplayPage)
            {
                return;
            }
        }
    }

    /// <summary>Makes events durable, then applies those the journal did not have already.</summary>
    private async Task<bool[]> AppendAsync(IReadOnlyList<PendingEvent> events)
    {
        var positions = await journal.AppendAsync([.. events.Select(e => e.Entry)], CancellationToken.None);
        var stored = positions.Select(p => p > 0).ToArray();
        for (var i = 0; i < events.Count; i++)
        {
            if (stored[i])
            {
                _ledger!.Apply(events[i].Payload);
            }
        }

        MarkChanged();
        return stored;
    }

    private PendingEvent Event<T>(string type, T payload, Guid? id = null)
        where T : notnull => new(EmergencyEvents.Entry(Id, type, payload, Now, id), payload);

    /// <summary>An event on its way to the journal, with the payload it was written from.</summary>
    private readonly record struct PendingEvent(JournalEntry Entry, object Payload);

    private Task RunControlledAsync(Func<Task> work) => _control.RunAsync(work);

    /// <summary>Runs work after the current controlled work, in the background of this activation.</summary>
    private void QueueControlled(Func<Task> work, string what) => _control.Queue(work, e => LogBackgroundFailed(e, what, Id));

    private static string Fingerprint(LaunchCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command, EmergencyEvents.Json))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Emergency {EmergencyId} replayed to sequence {Sequence} with {People} people")]
    private partial void LogReplayed(string emergencyId, long sequence, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {What} of emergency {EmergencyId} failed")]
    private partial void LogBackgroundFailed(Exception exception, string what, string emergencyId);
}
