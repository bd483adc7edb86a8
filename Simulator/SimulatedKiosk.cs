namespace Lianxin.Simulator;

/// <summary>
/// One kiosk's traffic: visitors and volunteers checking in and out, self-service, redemptions, help requests,
/// after-hours entries, faults. A person's next visit starts only once the server has acknowledged the previous
/// check-out, as a real kiosk sees a person leave before they come back.
/// </summary>
internal sealed class SimulatedKiosk(string id, string centerId, string authorization, string[] volunteers, bool redSail, Random random)
{
    private static readonly string[] Purposes =
    [
        "partyBuilding", "officeDeliberation", "convenienceServices", "grassrootsGovernance", "careAssistance",
        "developmentSupport", "volunteerService", "cultureSportsLeisure", "emergencySupport", "publicityDisplay",
    ];

    private static readonly string[] Services = ["certificatePrint", "socialSecurityQuery", "medicalInsurance", "utilityPayment", "policyLookup"];

    private readonly List<(string PersonId, string Role)> _inside = [];
    private readonly Dictionary<Guid, string> _leaving = [];
    private readonly HashSet<string> _busy = [];
    private readonly HashSet<Guid> _answered = [];
    private int _visitors;

    public string Id => id;

    public string CenterId => centerId;

    public string Authorization => authorization;

    /// <summary>One batch at a time per kiosk, as a kiosk uploads.</summary>
    public SemaphoreSlim Sending { get; } = new(1, 1);

    public List<WireEvent>? LastBatch { get; set; }

    public Queue<List<WireEvent>> Uploads { get; } = new();

    public List<WireEvent> Buffered { get; } = [];

    public int OfflineBatchesLeft { get; set; }

    public List<WireEvent> NextBatch(int size, DateTimeOffset now)
    {
        var batch = new List<WireEvent>(size);
        for (var i = 0; i < size; i++)
        {
            batch.Add(NextEvent(now));
        }

        return batch;
    }

    /// <summary>
    /// True the first time the server answers this event. Kept per kiosk, whose batches go one at a time: a set of
    /// structs the collector need not trace, which grows by small steps (one shared concurrent dictionary of every event
    /// held a node object per event and locked every sender while it doubled).
    /// </summary>
    public bool FirstAnswer(Guid eventId) => _answered.Add(eventId);

    /// <summary>The server acknowledged these events: people who checked out may come again.</summary>
    public void Acknowledged(IEnumerable<Guid> eventIds)
    {
        foreach (var eventId in eventIds)
        {
            if (_leaving.Remove(eventId, out var person))
            {
                _busy.Remove(person);
            }
        }
    }

    private WireEvent NextEvent(DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        if (_inside.Count > 0 && (random.NextDouble() < 0.4 || _inside.Count >= 30))
        {
            var (person, _) = _inside[random.Next(_inside.Count)];
            _inside.RemoveAll(p => p.PersonId == person);
            _leaving[id] = person;
            return new WireEvent(id, now, "checkOut", person);
        }

        var roll = random.NextDouble();
        if (roll < 0.45 || (roll < 0.6 && redSail))
        {
            var person = $"r-{this.Id}-{++_visitors}";
            _inside.Add((person, "visitor"));
            _busy.Add(person);
            return new WireEvent(id, now, "checkIn", person, "visitor", Purposes[random.Next(Purposes.Length)]);
        }

        if (roll < 0.58 && volunteers.FirstOrDefault(v => !_busy.Contains(v) && random.NextDouble() < 0.2) is { } volunteer)
        {
            var role = redSail ? "mobilePartyMember" : "volunteer";
            _inside.Add((volunteer, role));
            _busy.Add(volunteer);
            return new WireEvent(id, now, "checkIn", volunteer, role);
        }

        return roll switch
        {
            < 0.86 => new WireEvent(id, now, "selfService", Service: Services[random.Next(Services.Length)]),
            < 0.88 when _inside.Count > 0 => new WireEvent(id, now, "pointsRedemption", _inside[0].PersonId, Points: random.Next(10, 50), Goods: "洗衣液"),
            < 0.89 => new WireEvent(id, now, "helpRequest", Purpose: "careAssistance", Description: "独居老人需要上门看望"),
            < 0.90 => new WireEvent(id, now, "afterHoursEntry", $"r-{this.Id}-night-{random.Next(100)}", Door: "east"),
            < 0.905 => new WireEvent(id, now, "fault", Peripheral: "printer", Code: "paperOut", Message: "打印机缺纸"),
            _ => new WireEvent(id, now, "selfService", Service: Services[random.Next(Services.Length)]),
        };
    }
}
