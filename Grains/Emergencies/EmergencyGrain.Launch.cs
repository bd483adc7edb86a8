using Lianxin.Volunteers;

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
            // A retry after a crash between the journal and the directory puts the emergency back on the list.
            await UpdateDirectoryAsync(done);
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
        var contacts = await ContactsAsync(audience.People);
        foreach (var chunk in audience.People.Chunk(Options.BatchSize))
        {
            entries.Add(Event(EmergencyEvents.Targeted, new TargetedEvent(
                ledger.NextSequence(), [.. chunk.Select(p => new[] { p.VolunteerId, p.GridId })], [.. chunk.Select(p => contacts[p.VolunteerId])])));
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
        await DeliverAsync(alert, Everyone());
        await SettleReservesAsync();
        await FillPostsAsync();
    }

    /// <summary>
    /// How to reach each person, from the contact cards the grid rosters hold (read with the rosters); only a person
    /// registered before rosters carried cards is read from their own actor.
    /// </summary>
    private async Task<Dictionary<string, TargetContact>> ContactsAsync(IReadOnlyList<AudienceMember> people)
    {
        var missing = people.Where(p => p.Contact is null).Select(p => p.VolunteerId).ToList();
        var read = await Task.WhenAll(missing.Select(v => GrainFactory.GetGrain<IVolunteerGrain>(v).GetProfileAsync()));
        var cards = missing.Zip(read).Where(p => p.Second is not null).ToDictionary(p => p.First, p => ContactCard.From(p.Second!), StringComparer.Ordinal);
        return people.ToDictionary(
            p => p.VolunteerId,
            p => (p.Contact ?? cards.GetValueOrDefault(p.VolunteerId)) is { } card
                ? new TargetContact(p.VolunteerId, card.Name, card.Phone, card.Skills, Options.ChannelsFor(card.Channels))
                : new TargetContact(p.VolunteerId, "", "", [], []),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Fixes each post's reserve list once: the scenario's own list (people on the roll-call with the required skills),
    /// or everyone on the roll-call who has the skills the post needs, in roll-call order. A post filled in waves
    /// continues its list with every other qualified person, nearest to the post first, and keeps who has which skill
    /// of its mix. Skills come from the contact cards the launch recorded, so no person's actor is read for them.
    /// </summary>
    private async Task SettleReservesAsync()
    {
        var ledger = _ledger!;
        var entries = new List<PendingEvent>();
        var everyone = ledger.RollCall.People.Select(p => (p.VolunteerId, Skills: ledger.Contact(p.VolunteerId)?.Skills ?? [])).ToList();
        foreach (var slot in ledger.Posts.Slots.Where(s => s.Reserve is null))
        {
            var post = slot.Definition;
            if (post.Filling == PostFilling.Waves)
            {
                var people = await PeopleFactsAsync(post, everyone);
                entries.Add(Event(EmergencyEvents.Reserve, new ReserveEvent(
                    ledger.NextSequence(), post.Id, WaveRules.Reserve(post, people), WaveRules.MixSkills(post, people))));
                continue;
            }

            IReadOnlyList<string> reserve = post.Reserve.Count > 0
                ? [.. post.Reserve.Where(v => ledger.RollCall.Find(v) is not null
                    && (ledger.Contact(v) is not { } contact || WaveRules.Qualifies(post, contact.Skills)))]
                : PostBoard.DeriveReserve(post, everyone);
            entries.Add(Event(EmergencyEvents.Reserve, new ReserveEvent(ledger.NextSequence(), post.Id, reserve)));
        }

        if (entries.Count > 0)
        {
            await AppendAsync(entries);
        }
    }

    /// <summary>Everyone on the roll-call, with their skills; the homes of the qualified are read only when the post says where it is.</summary>
    private async Task<IReadOnlyList<PersonFacts>> PeopleFactsAsync(PostDefinition post, IReadOnlyList<(string VolunteerId, IReadOnlyList<string> Skills)> everyone)
    {
        if (post.Point is null)
        {
            return [.. everyone.Select(p => new PersonFacts(p.VolunteerId, p.Skills, null))];
        }

        var qualified = everyone.Where(p => WaveRules.Qualifies(post, p.Skills)).ToList();
        var profiles = await Task.WhenAll(qualified.Select(p => GrainFactory.GetGrain<IVolunteerGrain>(p.VolunteerId).GetProfileAsync()));
        return [.. qualified.Select((p, i) => new PersonFacts(p.VolunteerId, p.Skills, profiles[i]?.Home))];
    }

    /// <summary>
    /// The directory's line, and the outbound feed's launch, latest level change and close: called after each of them and
    /// at activation, so a publication a crash cut off goes out then (the feed stores each fact once).
    /// </summary>
    private async Task UpdateDirectoryAsync(EmergencyLedger ledger)
    {
        var launch = ledger.Definition.Launch;
        var entry = DirectoryEntry(ledger);
        await GrainFactory.GetGrain<IEmergencyDirectoryGrain>(0).UpsertAsync(entry);
        var events = new List<EventFeed.FeedEvent> { EventFeed.FeedEvents.EmergencyLaunched(entry with { Level = launch.Level }, ledger.RollCall.Count) };
        if (ledger.LevelSetAt is { } sequence)
        {
            events.Add(EventFeed.FeedEvents.EmergencyLevelChanged(entry, sequence, Now));
        }

        if (ledger.Phase != EmergencyPhase.Running)
        {
            events.Add(EventFeed.FeedEvents.EmergencyClosed(entry));
        }

        await feed.PublishAsync(events);
    }

    private EmergencyEntry DirectoryEntry(EmergencyLedger ledger)
    {
        var launch = ledger.Definition.Launch;
        return new EmergencyEntry(
            Id, launch.Name, launch.Mode, ledger.Level, ledger.Phase, launch.HomeCenterId, launch.HomeGridId, ledger.Definition.LaunchedAt, ledger.ClosedAt);
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information,
        Message = "Emergency {EmergencyId} launched ({Mode}) to {People} people")]
    private partial void LogLaunched(string emergencyId, EmergencyMode mode, int people);
}
