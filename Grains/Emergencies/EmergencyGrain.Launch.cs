namespace Lianxin.Emergencies;

/// <summary>Launch: resolve the audience, make the launch durable, then fan out in the background.</summary>
internal sealed partial class EmergencyGrain
{
    public async Task<LaunchResult> LaunchAsync(LaunchCommand command)
    {
        var fingerprint = Fingerprint(command);
        LaunchResult? result = null;
        await RunControlledAsync(async () => result = await LaunchControlledAsync(command, fingerprint));
        return result!;
    }

    private async Task<LaunchResult> LaunchControlledAsync(LaunchCommand command, string fingerprint)
    {
        if (state.State.Definition is { } accepted && accepted.Fingerprint != fingerprint)
        {
            return new LaunchResult(LaunchOutcome.KeyReused, "This idempotency key already started a different emergency.", Launched?.View());
        }

        if (Launched is { } done)
        {
            return new LaunchResult(LaunchOutcome.AlreadyLaunched, null, done.View());
        }

        var audience = await new AudienceResolver(GrainFactory).ResolveAsync(command.Scope);
        if (audience.Missing.Count > 0)
        {
            return new LaunchResult(LaunchOutcome.ScopeNotFound, $"Not found: {string.Join(", ", audience.Missing)}.", null);
        }

        if (audience.People.Count == 0)
        {
            return new LaunchResult(LaunchOutcome.EmptyAudience, audience.EmptyReason(command.Scope), null);
        }

        // The definition is written first: a launch whose journal append then fails is completed by the client's
        // retry with the same key, never started twice.
        if (state.State.Definition is null)
        {
            state.State.Definition = new EmergencyDefinition(Id, command, Now, fingerprint);
            state.State.Secret = ReplyTokens.NewSecret();
            await state.WriteStateAsync();
        }

        var ledger = _ledger ??= new EmergencyLedger(state.State.Definition, state.State.Secret);
        var definition = ledger.Definition;
        var entries = new List<PendingEvent>
        {
            Event(EmergencyEvents.Launched, new LaunchedEvent(
                ledger.NextSequence(), definition.LaunchedAt, command.Name, command.Mode, command.Level, command.LaunchedBy, audience.People.Count)),
        };
        foreach (var chunk in audience.People.Chunk(Options.BatchSize))
        {
            entries.Add(Event(EmergencyEvents.Targeted, new TargetedEvent(ledger.NextSequence(), [.. chunk.Select(p => new[] { p.VolunteerId, p.GridId })])));
        }

        var alert = NewMessage(ledger, AlertKind.Alert, audience.People.Count);
        entries.Add(Event(EmergencyEvents.Message, alert));
        await AppendAsync(entries);

        await UpdateDirectoryAsync(ledger);
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        ScheduleTick();
        QueueControlled(() => FanOutLaunchAsync(alert), "launch fan-out");
        LogLaunched(Id, command.Mode, audience.People.Count);
        EmergencyMetrics.Launches.Add(1, new KeyValuePair<string, object?>("mode", command.Mode.ToString()));
        return new LaunchResult(LaunchOutcome.Launched, null, ledger.View());
    }

    private async Task FanOutLaunchAsync(MessageEvent alert)
    {
        var receipts = await DeliverAsync(alert, Everyone(), outbound: true);
        await SettleReservesAsync(receipts);
        await FillPostsAsync();
    }

    /// <summary>
    /// Fixes each post's reserve list once: the scenario's own list (people on the roll-call with the required skills),
    /// or everyone reached who has the skills the post needs, in roll-call order. A post filled in waves continues its
    /// list with every other qualified person, nearest to the post first, and keeps who has which skill of its mix.
    /// </summary>
    private async Task SettleReservesAsync(IReadOnlyList<AlertReceipt> receipts)
    {
        var ledger = _ledger!;
        var entries = new List<PendingEvent>();
        var skillsOf = receipts.DistinctBy(r => r.VolunteerId).ToDictionary(r => r.VolunteerId, r => r.Skills, StringComparer.Ordinal);
        foreach (var slot in ledger.Posts.Slots.Where(s => s.Reserve is null))
        {
            var post = slot.Definition;
            if (post.Filling == PostFilling.Waves)
            {
                var people = await PeopleFactsAsync(post, receipts);
                entries.Add(Event(EmergencyEvents.Reserve, new ReserveEvent(
                    ledger.NextSequence(), post.Id, WaveRules.Reserve(post, people), WaveRules.MixSkills(post, people))));
                continue;
            }

            IReadOnlyList<string> reserve = post.Reserve.Count > 0
                ? [.. post.Reserve.Where(v => ledger.RollCall.Find(v) is not null
                    && (!skillsOf.TryGetValue(v, out var skills) || WaveRules.Qualifies(post, skills)))]
                : PostBoard.DeriveReserve(post, receipts.Select(r => (r.VolunteerId, r.Skills)));
            entries.Add(Event(EmergencyEvents.Reserve, new ReserveEvent(ledger.NextSequence(), post.Id, reserve)));
        }

        if (entries.Count > 0)
        {
            await AppendAsync(entries);
        }
    }

    /// <summary>Everyone reached, with their skills; their homes are read only when the post says where it is.</summary>
    private async Task<IReadOnlyList<PersonFacts>> PeopleFactsAsync(PostDefinition post, IReadOnlyList<AlertReceipt> receipts)
    {
        var reached = receipts.Where(r => _ledger!.RollCall.Find(r.VolunteerId) is not null).DistinctBy(r => r.VolunteerId).ToList();
        if (post.Point is null)
        {
            return [.. reached.Select(r => new PersonFacts(r.VolunteerId, r.Skills, null))];
        }

        var qualified = reached.Where(r => WaveRules.Qualifies(post, r.Skills)).ToList();
        var profiles = await Task.WhenAll(qualified.Select(r => GrainFactory.GetGrain<Volunteers.IVolunteerGrain>(r.VolunteerId).GetAsync()));
        return [.. qualified.Select((r, i) => new PersonFacts(r.VolunteerId, r.Skills, profiles[i]?.Profile.Home))];
    }

    private Task UpdateDirectoryAsync(EmergencyLedger ledger)
    {
        var launch = ledger.Definition.Launch;
        return GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).UpsertAsync(new EmergencyEntry(
            Id, launch.Name, launch.Mode, ledger.Level, ledger.Phase, launch.HomeCenterId, launch.HomeGridId, ledger.Definition.LaunchedAt));
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Emergency {EmergencyId} launched ({Mode}) to {People} people")]
    private partial void LogLaunched(string emergencyId, EmergencyMode mode, int people);
}
