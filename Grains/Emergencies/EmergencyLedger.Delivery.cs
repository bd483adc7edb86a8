namespace Lianxin.Emergencies;

/// <summary>
/// What each person holds of the emergency (their page: the latest message that reached them and the latest
/// escalation) and how to reach them: rebuilt from the journal, so a page shows the current alert after any restart
/// without the person's actor having kept anything.
/// </summary>
internal sealed partial class EmergencyLedger
{
    private readonly Dictionary<string, TargetContact> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, MessageEvent> _messageByNumber = [];
    private readonly Dictionary<string, int> _latestMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _latestEscalation = new(StringComparer.Ordinal);

    public ChannelLadder Channels { get; } = new();

    public TargetContact? Contact(string volunteerId) => _contacts.GetValueOrDefault(volunteerId);

    public MessageEvent? Message(int number) => _messageByNumber.GetValueOrDefault(number);

    /// <summary>The outbound channel at a person's step, or null when they have no further channel.</summary>
    public AlertChannel? ChannelAt(string volunteerId, int step) =>
        _contacts.TryGetValue(volunteerId, out var contact) && step < contact.Channels.Count ? contact.Channels[step] : null;

    /// <summary>Whether the person confirmed receipt: any answer of theirs (or on their behalf) counts.</summary>
    public bool Confirmed(string volunteerId) => RollCall.Find(volunteerId)?.ReplyStatus is not null;

    public ChannelRules ChannelRules(TimeSpan window, TimeSpan retryAfter) => new(
        window, retryAfter,
        number => IsRunning && _messageByNumber.TryGetValue(number, out var m) && m.Kind == AlertKind.Alert,
        Confirmed,
        volunteerId => _contacts.TryGetValue(volunteerId, out var c) ? c.Channels.Count : 0);

    /// <summary>What the person's page shows of this emergency, or null when nothing of it concerns them.</summary>
    public PersonAlerts? AlertsFor(string volunteerId)
    {
        var person = RollCall.Find(volunteerId);
        var alerts = new List<VolunteerAlert>(2);
        if (_latestMessage.TryGetValue(volunteerId, out var number))
        {
            alerts.Add(ToAlert(_messageByNumber[number], person?.Token));
        }

        if (_latestEscalation.TryGetValue(volunteerId, out var escalation))
        {
            alerts.Add(ToAlert(_messageByNumber[escalation], person?.Token));
        }

        return person is null && alerts.Count == 0 ? null : new PersonAlerts(alerts, person?.Status ?? RollCallStatus.Unknown, IsRunning);
    }

    public VolunteerAlert ToAlert(MessageEvent message, string? token) => new(
        Id, message.Number, message.Kind, Definition.Launch.Mode, message.Level, message.Headline, message.Text,
        token, message.PostId, message.At);

    private void TakeContacts(IReadOnlyList<TargetContact>? contacts)
    {
        foreach (var contact in contacts ?? [])
        {
            _contacts.TryAdd(contact.VolunteerId, contact);
        }
    }

    private void TakeDelivery(DeliveredEvent e)
    {
        if (!_messageByNumber.TryGetValue(e.Number, out var message))
        {
            return;
        }

        var inbox = message.Kind == AlertKind.Escalation ? _latestEscalation : _latestMessage;
        foreach (var volunteerId in e.VolunteerIds)
        {
            if (!inbox.TryGetValue(volunteerId, out var held) || held < e.Number)
            {
                inbox[volunteerId] = e.Number;
            }
        }
    }

    private void On(DispatchedEvent e)
    {
        Seen(e.Sequence);
        Channels.Record(e.Number, e.Step, e.At, e.VolunteerIds, e.Accepted);
    }
}
