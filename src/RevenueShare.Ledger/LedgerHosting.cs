using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Hosting;
using Akka.Pattern;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger;

/// <summary>Registers the ledger — actor system, actors, projection, read model — with a host.</summary>
public static class LedgerHosting
{
    public const string SystemName = "revenueshare";

    /// <summary>
    /// Needs an <see cref="IClock"/> and <see cref="ReferenceData"/> registered by the host. The read
    /// schema is created and the projection caught up as the host starts. <paramref name="overrides"/>
    /// takes precedence over the ledger's own configuration: the fault tests put the persistence test
    /// kit's journal, whose writes they fail, in place of the store's.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, StoreOptions store, LedgerOptions? options = null, Akka.Configuration.Config? overrides = null)
    {
        services.AddSingleton(store);

        // A host may register its own options after this (the last registration is the one resolved),
        // but whether this process is a cluster node is decided here, once, from the options given.
        services.AddSingleton(options ?? LedgerOptions.Default);
        var cluster = options?.Cluster;
        services.AddSingleton<ReadDatabase>();
        services.AddSingleton(provider => new LedgerMetrics(provider.GetRequiredService<IMeterFactory>().Create(LedgerMetrics.MeterName)));
        services.AddSingleton<ReadBarrier>();
        services.AddSingleton<ReadModelWriter>();
        services.AddSingleton<LedgerReadiness>();
        services.AddSingleton<ReadModel>();
        if (cluster is null)
        {
            services.AddSingleton(provider =>
            {
                var registry = new ReportIdRegistry(provider.GetRequiredService<ReadModel>());
                provider.GetRequiredService<LedgerMetrics>().ObserveReportIds(() => registry.Count);
                return registry;
            });
            services.AddSingleton<IReportIdClaims>(provider => provider.GetRequiredService<ReportIdRegistry>());
        }
        else
        {
            services.AddSingleton<IReportIdClaims, ClusterReportIds>();
        }

        services.AddSingleton(provider => new LedgerGateway(
            provider.GetRequiredService<ActorRegistry>(), provider.GetRequiredService<ReadBarrier>(), provider.GetRequiredService<IClock>(),
            provider.GetRequiredService<IReportIdClaims>(), provider.GetRequiredService<IdleMemoryTrim>(), cluster is not null,
            provider.GetRequiredService<ILogger<LedgerGateway>>()));
        services.AddSingleton<IdleMemoryTrim>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleMemoryTrim>());

        // Before AddAkka: hosted services start in the order they are added.
        services.AddHostedService<SqliteWriteAhead>();
        services.AddAkka(SystemName, (builder, provider) =>
        {
            builder.AddHocon(LedgerConfig.For(store), HoconAddMode.Prepend);
            if (overrides is not null)
            {
                builder.AddHocon(overrides, HoconAddMode.Prepend);
            }

            // Akka's own lines go through the host's logging (JSON lines in revshare serve), at warnings and above.
            builder.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            builder.AddSetup(new LedgerSerializerSetup(provider.GetRequiredService<ReferenceData>()));
            var ledger = provider.GetRequiredService<LedgerOptions>();
            var clock = provider.GetRequiredService<IClock>();
            var metrics = provider.GetRequiredService<LedgerMetrics>();
            if (cluster is not null)
            {
                builder.WithLedgerCluster(cluster, store);
                builder.StartActors(async (system, registry, _) =>
                {
                    var coverage = ClusterHosting.Singleton(system, "coverage", Restarted(CoverageRegistry.Props(metrics), "registry"), PoisonPill.Instance);
                    registry.Register<CoverageRegistry>(coverage);
                    registry.Register<AgreementNumbering>(ClusterHosting.Singleton(system, "numbering", Restarted(AgreementNumbering.Props(), "numbers"), PoisonPill.Instance));
                    var writer = provider.GetRequiredService<ReadModelWriter>();
                    var barrier = provider.GetRequiredService<ReadBarrier>();
                    registry.Register<ReportIdDesk>(ClusterHosting.Singleton(
                        system, "report-ids", Restarted(ReportIdDesk.Props(provider.GetRequiredService<ReadModel>(), barrier, metrics), "desk"), PoisonPill.Instance));
                    ClusterHosting.Singleton(system, "projection", ProjectionSingleton.Props(() => new ReadModelProjection(system, writer, barrier)), ProjectionSingleton.Stop.Instance);
                    registry.Register<AgreementRegion>(await ClusterHosting.AgreementRegionAsync(system, entity =>
                        AgreementActor.Props(AgreementId.Parse(entity), coverage, clock, ledger.PassivateAfter, metrics, ClusterHosting.AskToPassivate)));
                });
            }
            else
            {
                builder.WithActors((system, registry, resolver) =>
                {
                    // The registry and the numbering are persistent actors that Akka stops when their journal
                    // fails a write: a supervisor starts each again (from its journal) after a short backoff.
                    var coverage = system.ActorOf(Restarted(CoverageRegistry.Props(metrics), "registry"), "coverage");
                    registry.Register<CoverageRegistry>(coverage);
                    registry.Register<AgreementNumbering>(system.ActorOf(Restarted(AgreementNumbering.Props(), "numbers"), "numbering"));
                    registry.Register<AgreementRegion>(system.ActorOf(AgreementRegion.Props(coverage, clock, ledger.PassivateAfter, provider.GetRequiredService<IdleMemoryTrim>(), metrics), "agreements"));
                });
            }
        });
        services.AddHostedService(provider => new ProjectionStarter(
            provider.GetRequiredService<ActorSystem>(), provider.GetRequiredService<ReadDatabase>(), provider.GetRequiredService<ReadModelWriter>(), provider.GetRequiredService<ReadBarrier>(),
            cluster is not null, provider.GetRequiredService<ILogger<ReadModelProjection>>()));
        if (cluster is not null)
        {
            // After the projection's starter, which creates the read schema it reads.
            services.AddSingleton<ClusterReadSide>();
            services.AddHostedService(provider => provider.GetRequiredService<ClusterReadSide>());
        }

        return services;
    }

    /// <summary>
    /// A persistent singleton under a supervisor that starts it again after it stopped; while it is
    /// down, whoever asks is told so at once rather than left to time out.
    /// </summary>
    private static Props Restarted(Props child, string name) =>
        BackoffSupervisor.Props(Backoff.OnStop(child, name, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), 0.2, maxNrOfRetries: -1)
            .WithReplyWhileStopped(new Status.Failure(new InvalidOperationException($"The ledger's {name} is starting again after a journal failure; send the request again."))));

    /// <summary>
    /// Creates the read schema and starts the projection once the actor system runs; in a cluster the
    /// projection is a singleton instead (<see cref="ProjectionSingleton"/>), and the node waits for it
    /// through <see cref="ClusterReadSide"/>. At a stop — after the web server has answered the requests
    /// in flight, before the actor system stops (hosted services stop in the reverse of their start) —
    /// it lets the projection catch up with every acknowledged write, within the stop's bound, so the
    /// read database is left holding all of them. A cluster node leaves that to the singleton, which
    /// moves to a surviving node and carries on there.
    /// </summary>
    private sealed class ProjectionStarter(ActorSystem system, ReadDatabase database, ReadModelWriter writer, ReadBarrier barrier, bool clustered, ILogger logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await ReadSchema.EnsureAsync(database, cancellationToken);
            if (!clustered)
            {
                await new ReadModelProjection(system, writer, barrier).StartAsync(cancellationToken);
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (clustered)
            {
                return;
            }

            var waiting = System.Diagnostics.Stopwatch.StartNew();
            if (await barrier.HoldsAcknowledgedAsync(cancellationToken))
            {
                LedgerLog.StopCaughtUp(logger, waiting.Elapsed);
            }
            else if (logger.IsEnabled(LogLevel.Warning))
            {
                LedgerLog.StopBehind(logger, barrier.UnprojectedEvents, barrier.Unprojected.Count);
            }
        }
    }
}
