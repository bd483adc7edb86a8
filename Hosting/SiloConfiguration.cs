using System.Net;
using Lianxin.Audit;
using Lianxin.Common;
using Lianxin.Common.Journal;
using Lianxin.EventFeed;
using Lianxin.Listings;
using Lianxin.Hosting.Database;
using Lianxin.Hosting.Operations;
using Lianxin.Kiosks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Lianxin.Hosting;

/// <summary>
/// The one place that configures a Lianxin silo: the standalone silo host, the web host's co-hosted silo and
/// the test clusters all come through here.
/// </summary>
public static class SiloConfiguration
{
    /// <summary>The ADO.NET invariant Orleans uses to load the PostgreSQL driver.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>The connection string name: <c>ConnectionStrings:Lianxin</c>, env <c>ConnectionStrings__Lianxin</c>.</summary>
    public const string ConnectionStringName = "Lianxin";

    /// <summary>Set to true to let a Production host run on in-memory storage (nothing durable) without a connection string.</summary>
    public const string AllowInMemoryKey = "Storage:AllowInMemory";

    /// <summary>
    /// Connects this application to Orleans as <c>Cluster:Mode</c> says: a co-hosted silo (the default) or a
    /// client of an external cluster.
    /// </summary>
    public static IHostApplicationBuilder AddLianxinOrleans(this IHostApplicationBuilder builder) =>
        ReadOptions(builder.Configuration).IsClient ? builder.AddLianxinClusterClient() : builder.AddLianxinSilo();

    /// <summary>
    /// Hosts a silo in this application: applies the database schema first when asked to
    /// (<c>Database:MigrateOnStart</c>, on by default), then starts the silo.
    /// </summary>
    public static IHostApplicationBuilder AddLianxinSilo(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        // A production host that lost its connection string must not quietly keep everything in memory and lose it.
        if (string.IsNullOrWhiteSpace(connectionString) && builder.Environment.IsProduction() && !builder.Configuration.GetValue(AllowInMemoryKey, false))
        {
            throw new InvalidOperationException(
                $"No ConnectionStrings:{ConnectionStringName} in Production: refusing to run on in-memory storage, which loses everything when the process stops. Configure PostgreSQL, or set {AllowInMemoryKey}=true to run in memory on purpose.");
        }

        if (!string.IsNullOrWhiteSpace(connectionString) && builder.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            // Registered before the silo so it finishes before the silo starts (hosted services start in order).
            builder.Services.AddSingleton(sp => new DatabaseMigrator(connectionString, sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
            builder.Services.AddHostedService<DatabaseMigrationService>();
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ReadOptions(builder.Configuration).ShutdownTimeout);
        builder.UseOrleans(silo => silo.ConfigureLianxinSilo(builder.Configuration));
        return builder;
    }

    /// <summary>Clustering, endpoints, persistence and services of a production silo.</summary>
    public static ISiloBuilder ConfigureLianxinSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ReadOptions(configuration);
        RememberedGrainInterfaceTypes.Register(silo.Services);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        // Failure detection can be tuned per deployment (Cluster:Membership:ProbeTimeout, NumMissedProbesLimit, …).
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{LianxinClusterOptions.Section}:Membership"));
        // How long a call may wait for its answer (Cluster:Messaging:ResponseTimeout, Orleans' default 30 s): a call to
        // an actor on a silo that died mid-call fails only then, so it bounds how long a failover keeps requests waiting.
        silo.Configure<SiloMessagingOptions>(configuration.GetSection($"{LianxinClusterOptions.Section}:Messaging"));
        var address = options.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
        if (options.UsesAdoNetClustering)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = RequireConnectionString(configuration, "AdoNet clustering");
            });
            silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        silo.AddLianxinOperations(configuration);
        silo.AddLianxinGrainServices(configuration);
        if (configuration.ReadTelemetryOptions().Enabled)
        {
            MeterJournal(silo.Services);
        }

        return silo;
    }

    /// <summary>
    /// Storage, reminders and services the grains need, without clustering: test clusters bring their own.
    /// With no connection string everything lives in memory.
    /// </summary>
    public static ISiloBuilder AddLianxinGrainServices(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = WithStatementPreparation(configuration.GetConnectionString(ConnectionStringName));
        // One activation per actor, also while the cluster recovers from a dead silo. Orleans' default directory is
        // eventually consistent: during that recovery it may create a second activation of an actor, and callers on
        // different silos then reach different copies (a ledger credited in one and debited in the other, a center's
        // activity counted in one and read from the other). The strongly consistent directory rebuilds the dead silo's
        // range from the live silos' registrations before it answers for that range again.
#pragma warning disable ORLEANSEXP003 // Orleans marks it experimental (since 9.0); the failover tests run on it.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddLianxinKiosks(configuration);
        silo.Services.Configure<Shifts.ShiftOptions>(configuration.GetSection(Shifts.ShiftOptions.Section));
        silo.AddLianxinEmergencies(configuration);
        silo.AddLianxinGovernance(configuration);
        silo.AddLianxinEventFeed(configuration);
        silo.AddResidentGrids();
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.AddMemoryGrainStorage(StorageNames.Live);
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IEventJournal, InMemoryEventJournal>();
            silo.Services.AddSingleton<IOutboundLog, InMemoryOutboundLog>();
            silo.Services.AddSingleton<IAuditStore, InMemoryAuditStore>();
            silo.Services.AddSingleton<IListingStore, InMemoryListingStore>();
            silo.Services.AddSingleton<IBookStore, InMemoryBookStore>();
            silo.Services.AddHostedService<NotDurableWarning>();
            return silo;
        }

        foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
        {
            silo.AddAdoNetGrainStorage(name, optionsBuilder => optionsBuilder.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;
                // Orleans' own serializer honours the [Id] and [Alias] contracts of state classes, so state
                // classes can be renamed and extended without breaking stored rows.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        // The journal and the audit log share one pool of their own, apart from the grain storage's reads.
        silo.Services.AddSingleton(_ => RecordedTrace.DataSource(connectionString));
        // The live path's writers (journal, actors' states, books, listing lines, outbound log) commit together.
        silo.Services.AddSingleton(sp => new SharedCommit(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<SharedCommit>>()));
        silo.Services.AddSingleton<IAuditStore>(sp => new PostgresAuditStore(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.AddSingleton<IListingStore>(sp => new PostgresListingStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SharedCommit>()));
        silo.Services.AddSingleton<IBookStore>(sp => new PostgresBookStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SharedCommit>()));
        silo.Services.AddSingleton<IEventJournal>(sp => new PostgresEventJournal(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<SharedCommit>(),
            sp.GetRequiredService<ILogger<PostgresEventJournal>>(),
            KioskJournalPaging()));
        // Its own pool for reads, without automatic preparation: its statements shared connections (and their prepared
        // statements) with the journal's, and Npgsql then misread results under load.
        silo.Services.AddKeyedSingleton(StorageNames.Live, (_, _) =>
            RecordedTrace.DataSource(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 }.ConnectionString));
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Live, (sp, _) => new GroupCommitGrainStorage(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(StorageNames.Live),
            sp.GetRequiredService<SharedCommit>(),
            new StateSerializer(sp.GetRequiredService<Serializer>()),
            sp.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default),
            sp.GetRequiredService<ILogger<GroupCommitGrainStorage>>()));
        silo.Services.AddSingleton<IOutboundLog>(sp => new PostgresOutboundLog(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<SharedCommit>(), sp.GetRequiredService<ILogger<PostgresOutboundLog>>()));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// Kiosks' streams are paged, the ids of a day of each busy kiosk's events kept in memory (about 32 bytes each): a
    /// re-sent event older than that (an upload after a day offline) is looked for in its stream's pages by its time.
    /// </summary>
    public static JournalPaging KioskJournalPaging() => new(KioskEventCodec.Stream(""), TimeSpan.FromDays(1));

    /// <summary>Every journal is measured as its callers see it (see <see cref="MeteredEventJournal"/>).</summary>
    private static void MeterJournal(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IEventJournal));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IEventJournal>(sp => new MeteredEventJournal(registered.ImplementationFactory is { } factory
            ? (IEventJournal)factory(sp)
            : registered.ImplementationInstance as IEventJournal ?? (IEventJournal)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    /// <summary>
    /// The same few statements run thousands of times a second (journal appends, grain state reads and writes):
    /// prepared on the server they skip parsing and planning. An explicit <c>Max Auto Prepare</c> is kept.
    /// Orleans' storage opens and closes a pooled connection per operation, and Npgsql would reset its session on each
    /// return (five statements before the next use, measured at a quarter of the per-event statements of ingest):
    /// nothing here sets session state, so the reset is skipped unless a connection string asks for it.
    /// </summary>
    internal static string? WithStatementPreparation(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    internal static LianxinClusterOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(LianxinClusterOptions.Section).Get<LianxinClusterOptions>() ?? new();

    internal static string RequireConnectionString(IConfiguration configuration, string purpose) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{purpose} needs ConnectionStrings:{ConnectionStringName}.");
}
